using Archive.Api.Documents.TimeTravel;
using Archive.Api.Dossiers;
using Archive.Content.Documents;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Archive.Api.Pages.Dossiers;

/// <summary>/dossiers/{nr}/wijzigingen?sinds=…&amp;as=bron|archief: what changed in a dossier since a date.</summary>
public sealed class ChangesModel(IQuerySession session, IOptions<ArchiveOptions> options) : ArchivePage
{
    [FromRoute] public string Nr { get; set; } = "";
    [FromQuery] public string? Sinds { get; set; }
    /// <summary>bron (the source's bijgewerkt, the default) or archief (when the Archive recorded it).</summary>
    [FromQuery(Name = "as")] public string? Klok { get; set; }

    public DossierChangeList? Changes { get; private set; }
    public string? Title { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await DossierView.LoadAsync(session, Nr, ct) is not { } dossier)
            return Fail(404, "Onbekend dossier", $"Het archief kent geen Kamerstukdossier '{Nr}': geen document erin en ook het dossier zelf niet.");
        Title = dossier.Title;
        ViewData["Title"] = $"Dossier {Nr}: wijzigingen";
        if (Klok is not (null or "" or "bron" or "archief"))
            return Fail(400, "Onbekende klok", $"'{Klok}' is geen klok: kies 'bron' (bijgewerkt volgens de bron) of 'archief' (vastgelegd door het archief).");
        if (string.IsNullOrWhiteSpace(Sinds)) return Page();
        if (!AsOf.TryParse(Sinds, out var since))
            return Fail(400, "Onleesbare datum", $"'{Sinds}' is geen datum die het archief kan lezen; gebruik bijvoorbeeld 2026-02-01.");
        Changes = await DossierChanges.SinceAsync(session, Nr, since, Klok == "archief" ? Axis.Recorded : Axis.Source, DossierChanges.MaxLimit, options.Value.Diff, ct);
        return Page();
    }
}
