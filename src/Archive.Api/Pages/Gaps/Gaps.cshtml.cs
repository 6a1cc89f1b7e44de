using Archive.Api.Importing.Syncing.Gaps;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Api.Pages.Gaps;

/// <summary>The gap ledger for people: what the sync could not capture and why, filterable like the API.</summary>
public sealed class GapsModel(IQuerySession session) : ArchivePage
{
    [FromQuery] public string? State { get; set; }
    [FromQuery] public string? Reason { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public const int PerPage = 50;
    public GapPage Gaps { get; private set; } = null!;
    public GapQuery Query { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Wat ontbreekt";
        Query = new GapQuery(State is { Length: > 0 } ? State : "open", Reason is { Length: > 0 } ? Reason : null, null, PerPage, (Math.Max(PageNumber, 1) - 1) * PerPage);
        if (Query.Problem() is { } problem) return Fail(400, "Onleesbare vraag", $"Zo kan het register niet worden gevraagd: {problem}.");
        Gaps = await Query.RunAsync(session, ct);
        return Page();
    }

    public string Link(int page) => $"/gaps?state={Query.State}" + (Query.Reason is null ? "" : $"&reason={Query.Reason}") + $"&page={page}";
}
