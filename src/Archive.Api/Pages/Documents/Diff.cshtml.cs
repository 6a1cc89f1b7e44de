using Archive.Api.Documents.ComparingVersions;
using Archive.Api.Documents.GettingHistory;
using Archive.Content.Diffing;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Archive.Api.Pages.Documents;

/// <summary>What changed between two revisions: summary, metadata, and the text inline or side by side.</summary>
public sealed class DiffModel(IQuerySession session, IOptions<ArchiveOptions> options) : ArchivePage
{
    [FromRoute] public string Nr { get; set; } = "";
    [FromQuery] public string? From { get; set; }
    [FromQuery] public string? To { get; set; }
    [FromQuery] public string? View { get; set; }
    /// <summary>Collapsed stretches to show: "alle", or the numbers of their first rows, comma-separated.</summary>
    [FromQuery] public string? Open { get; set; }

    public DocumentComparison Comparison { get; private set; } = null!;
    public IReadOnlyList<RevisionEntry> Revisions { get; private set; } = [];
    public bool SideBySide => View == "side-by-side";
    public Collapsing Collapsing { get; private set; } = null!;
    public bool ShowsAll => Open == "alle";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (View is not (null or "inline" or "side-by-side"))
            return Fail(400, "Onbekende weergave", $"Weergave '{View}' bestaat niet; kies 'inline' of 'side-by-side'.");
        if (await DocumentHistory.LoadAsync(session, Nr, ct) is not { } history)
            return Fail(404, "Onbekend document", $"Het archief heeft geen document met nummer '{Nr}'.");
        Revisions = history.Revisions;
        if (new[] { From, To }.Any(v => !string.IsNullOrWhiteSpace(v) && !int.TryParse(v, out _)))
            return Fail(400, "Ongeldige revisie", $"Revisies worden met een nummer aangeduid (van=1, naar=2), niet met '{(int.TryParse(From, out _) ? To : From)}'.");
        var count = history.Revisions.Count;
        if (!TryRevision(To, count, count, out var to) || !TryRevision(From, to - 1, count, out var from) || from < 1)
            return Fail(new ProblemView(count == 1 ? 400 : 404, "Onbekende revisie",
                count == 1 ? $"Document {Nr} heeft maar één revisie: er is niets om mee te vergelijken."
                           : $"Document {Nr} heeft revisies 1 tot en met {count}; kies twee daarvan.",
                [($"Terug naar {Nr}", $"/documents/{Nr}")]));

        var opened = new SortedSet<int>();
        if (!ShowsAll && !string.IsNullOrWhiteSpace(Open))
            foreach (var part in Open.Split(','))
                if (int.TryParse(part, System.Globalization.NumberStyles.None, null, out var row)) opened.Add(row);
                else return Fail(400, "Ongeldige keuze", $"'open' noemt de stukken die open moeten: 'alle', of nummers gescheiden door komma's; '{part}' is geen van beide.");
        Collapsing = new Collapsing(row => $"{Link(View ?? "inline")}&open={string.Join(",", opened.Append(row).Order())}#rows-{row}", opened, ShowsAll);

        var diffOptions = new DiffOptions { Granularity = Granularity.Word, Budget = TimeSpan.FromMilliseconds(options.Value.Diff.BudgetMilliseconds) };
        Comparison = await DocumentComparison.LoadAsync(session, Nr, history.Revisions[from - 1], history.Revisions[to - 1], diffOptions, ct);
        ViewData["Title"] = $"{Nr}: revisie {from} → {to}";
        return Page();
    }

    static bool TryRevision(string? text, int fallback, int count, out int revision)
    {
        revision = fallback;
        if (string.IsNullOrWhiteSpace(text)) return true;
        return int.TryParse(text, out revision) && revision >= 1 && revision <= count;
    }

    public string Link(string view) => $"/documents/{Nr}/diff?from={Comparison.From.Revision}&to={Comparison.To.Revision}&view={view}";

    public string PatchLink => $"/api/documents/{Nr}/diff?from={Comparison.From.Revision}&to={Comparison.To.Revision}&format=unified";

    public static string FieldName(string field) => field switch
    {
        "kind" => "Soort", "title" => "Titel", "subject" => "Onderwerp", "date" => "Datum", "dossier" => "Dossier", "cases" => "Zaak",
        "versie" => "Versie", "bijgewerkt" => "Bijgewerkt", _ => field,
    };
}
