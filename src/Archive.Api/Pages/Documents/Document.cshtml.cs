using Archive.Api.Documents;
using Archive.Api.Documents.GettingDetails;
using Archive.Api.Documents.GettingHistory;
using Archive.Api.Documents.TimeTravel;
using Archive.Api.Originals;
using Archive.Content.Documents;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Api.Pages.Documents;

/// <summary>
/// A document: now, one revision of it (?revision=n), or as it stood at a moment (?asOf=&amp;axis=),
/// with its text and every revision on both clocks.
/// </summary>
public sealed class DocumentModel(IQuerySession session) : AsOfPage
{
    [FromRoute] public string Nr { get; set; } = "";
    [FromQuery] public string? Revision { get; set; }

    public DocumentHistory History { get; private set; } = null!;
    public RevisionRecord Shown { get; private set; } = null!;
    public string Text { get; private set; } = "";

    /// <summary>Why the shown revision has no text (its file could not be had or read), if so.</summary>
    public string? TextNotCaptured { get; private set; }

    /// <summary>Each revision's original, by revision number: a link where it is kept.</summary>
    public Dictionary<int, RevisionOriginal> Originals { get; private set; } = [];

    /// <summary>Why this revision is shown, when it is not simply the current one.</summary>
    public string? Why { get; private set; }
    public bool IsCurrent { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await DocumentHistory.LoadWithRecordsAsync(session, Nr, ct) is not { } loaded)
            return Fail(404, "Onbekend document", $"Het archief heeft geen document met nummer '{Nr}'. Zoek op onderwerp of nummer via het zoekveld hierboven.");
        (History, var records) = loaded;
        var details = (await session.LoadAsync<DocumentDetails>(Nr, ct))!;
        var revision = AsksAsOf ? await AsOfAsync(ct) : Revision is not null ? ByNumber() : Current(details);
        if (revision.Problem is { } problem) return Fail(problem);

        Shown = records.First(r => r.Revision == revision.Number);
        Text = await DocumentText.LoadAsync(session, Shown.ContentHash, ct) ?? "";
        TextNotCaptured = History.Revisions.FirstOrDefault(r => r.Revision == revision.Number)?.TextNotCaptured;
        IsCurrent = details.CurrentRevision == revision.Number;
        Originals = (await RevisionOriginal.OfAsync(session, records, ct)).ToDictionary(o => o.Revision);
        ViewData["Title"] = $"{Nr}: {Shown.Metadata.Subject ?? Shown.Metadata.Title}";
        return Page();
    }

    sealed record Choice(int Number, ProblemView? Problem = null);

    Choice Current(DocumentDetails details)
    {
        if (details.Withdrawn)
            return new Choice(0, new ProblemView(410, "Document ingetrokken",
                $"Document {Nr} is op {DutchTime.Local(details.StatusChangedAt!.Value)} door de bron ingetrokken (opgenomen {DutchTime.Local(details.StatusRecordedAt!.Value)}). Eerdere versies blijven bewaard.",
                Revisions()));
        return new Choice(details.CurrentRevision);
    }

    Choice ByNumber() =>
        int.TryParse(Revision, out var n) && n >= 1 && n <= History.Revisions.Count
            ? new Choice(n)
            : new Choice(0, new ProblemView(404, "Onbekende revisie", $"Document {Nr} heeft revisies 1 tot en met {History.Revisions.Count}; er is geen revisie '{Revision}'.", Revisions()));

    async Task<Choice> AsOfAsync(CancellationToken ct)
    {
        var (query, problem) = ReadAsOf();
        if (problem is not null) return new Choice(0, problem);
        var on = On(query!.Axis);
        var answer = await DocumentTimeTravel.AtAsync(session, Nr, query.At, query.Axis, ct);
        if (answer is AsOfAnswer.Found found)
        {
            Why = WhyText(found.Revision, query);
            return new Choice(found.Revision.Revision);
        }
        return answer switch
        {
            AsOfAnswer.NotYet notYet => new Choice(0, new ProblemView(404, "Bestond toen nog niet",
                $"Document {Nr} bestond op {Moment(query.At)} ({on}) nog niet; het verschijnt voor het eerst op {DutchTime.Local(notYet.FirstAppears)}.", Revisions())),
            AsOfAnswer.Withdrawn gone => new Choice(0, new ProblemView(410, "Toen ingetrokken",
                $"Document {Nr} was op {Moment(query.At)} ({on}) ingetrokken: de bron trok het in op {DutchTime.Local(gone.Status.SourceUpdatedAt)}.", Revisions())),
            _ => new Choice(0, new ProblemView(404, "Onbekend document", $"Het archief heeft geen document met nummer '{Nr}'.")),
        };
    }

    static string WhyText(RevisionRecord r, TimeTravelQuery query) => query.Axis == Archive.Content.Documents.Axis.Source
        ? $"Zo stond het document er op {Moment(query.At)} bij de bron bij: revisie {r.Revision} (versie {r.SourceVersion}) is de laatste die de bron vóór dat moment bijwerkte, op {r.SourceUpdatedRaw}."
        : $"Zo toonde het archief dit document op {Moment(query.At)}: van wat toen was opgenomen is revisie {r.Revision} (versie {r.SourceVersion}, bijgewerkt {r.SourceUpdatedRaw}) de nieuwste.";

    static string Moment(DateTimeOffset at) => DutchTime.Local(at);

    List<(string, string)> Revisions() => [("Alle revisies (API)", $"/api/documents/{Nr}/revisions"), ("Tijdkaart (Memento)", $"/timemap/json/{Nr}")];
}
