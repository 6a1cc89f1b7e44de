using Archive.Api.Documents.GettingDetails;
using Archive.Api.Search;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Api.Pages;

/// <summary>The search page: the same search as GET /api/search, with filters as a form that needs no script.</summary>
public sealed class SearchModel(IDocumentStore store, IQuerySession session, Microsoft.Extensions.Options.IOptions<ArchiveOptions> options) : ArchivePage
{
    [FromQuery] public string? Q { get; set; }
    [FromQuery] public string? Kind { get; set; }
    [FromQuery] public string? Dossier { get; set; }
    [FromQuery] public string? From { get; set; }
    [FromQuery] public string? To { get; set; }
    [FromQuery] public string? AsOf { get; set; }
    [FromQuery] public string? Axis { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public const int PageSize = 20;

    public int CountCap => options.Value.Search.CountCap;
    public SearchResults? Results { get; private set; }
    public IReadOnlyList<string> Kinds { get; private set; } = [];
    public int CurrentPage => Math.Max(PageNumber ?? 1, 1);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Title"] = string.IsNullOrWhiteSpace(Q) ? "Zoeken" : $"Zoeken: {Q}";
        ViewData["Query"] = Q;
        Kinds = (await session.Query<DocumentDetails>().Where(d => d.Metadata.Kind != null).Select(d => d.Metadata.Kind!).Distinct().ToListAsync(ct)).Order().ToList();
        if (string.IsNullOrWhiteSpace(Q)) return Page();
        var (request, refusal) = SearchInput.Parse(Q, Kind, Dossier, From, To, AsOf, Axis, PageSize, (CurrentPage - 1) * PageSize);
        if (refusal is not null) return Fail(400, "Zo kan er niet gezocht worden", refusal.InDutch);
        Results = await DocumentSearch.RunAsync(store, session, request!, options.Value.Search, ct);
        return Page();
    }

    public string PageLink(int page) => "/search" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["kind"] = Kind, ["dossier"] = Dossier, ["from"] = From, ["to"] = To, ["asOf"] = AsOf, ["axis"] = Axis, ["page"] = page.ToString(),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));

    public string DocumentLink(SearchHit hit) => string.IsNullOrWhiteSpace(AsOf)
        ? $"/documents/{hit.Number}"
        : $"/documents/{hit.Number}?asOf={Uri.EscapeDataString(AsOf)}&axis={Axis ?? "source"}";
}
