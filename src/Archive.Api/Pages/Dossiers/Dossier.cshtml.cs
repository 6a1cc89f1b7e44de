using Archive.Api.Documents.TimeTravel;
using Archive.Api.Dossiers;
using Archive.Content.Documents;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Api.Pages.Dossiers;

/// <summary>A Kamerstukdossier and its documents by volgnummer, now or as it stood at a moment.</summary>
public sealed class DossierModel(IQuerySession session) : AsOfPage
{
    [FromRoute] public string Nr { get; set; } = "";

    public DossierView Dossier { get; private set; } = null!;
    public IReadOnlyList<DossierDocument> Documents { get; private set; } = [];
    public DateTimeOffset? At { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await DossierView.LoadAsync(session, Nr, ct) is not { } dossier)
            return Fail(404, "Onbekend dossier", $"Het archief kent geen Kamerstukdossier '{Nr}': geen document erin en ook het dossier zelf niet.");
        Dossier = dossier;
        ViewData["Title"] = $"Dossier {Nr}";
        if (!AsksAsOf)
        {
            Documents = dossier.Documents;
            return Page();
        }
        var (query, problem) = ReadAsOf();
        if (problem is not null) return Fail(problem);
        At = query!.At;
        Documents = await DossierTimeTravel.AtAsync(session, Nr, query.At, query.Axis, ct);
        if (Documents.Count == 0)
            return Fail(new ProblemView(404, "Bestond toen nog niet",
                $"Kamerstukdossier {Nr} had op {DutchTime.Local(query.At)} nog geen documenten.", [($"Dossier {Nr} nu", $"/dossiers/{Nr}")]));
        return Page();
    }

    public string DocumentLink(DossierDocument d) =>
        At is { } at ? $"/documents/{d.Number}?asOf={Uri.EscapeDataString(AsOf!)}&axis={ChosenAxis.ToString().ToLowerInvariant()}" : $"/documents/{d.Number}";
}
