using Archive.Api.ChangeFeed;
using Archive.Api.Documents.ComparingVersions;
using Archive.Api.Documents.GettingHistory;
using Archive.Api.Documents.TimeTravel;
using Archive.Content.Diffing;
using Archive.Content.Documents;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Archive.Api.Dossiers;

/// <summary>One change in a dossier: a new document, a new version (with what changed in it), a withdrawal or restoration.</summary>
/// <param name="What">created, revised, withdrawn or restored.</param>
/// <param name="Summary">For a new version whose text changed: the structural summary ("VVD, vraag 7: antwoord gewijzigd (+12 −3 woorden)").</param>
public sealed record DossierChange(long Sequence, string What, string Document, int? Revision, string? Title, string? Kind,
    DateTimeOffset SourceUpdatedAt, DateTimeOffset RecordedAt, IReadOnlyList<string> ChangedFields, IReadOnlyList<string> Summary,
    IReadOnlyDictionary<string, string> Links, string? Dossier = null);

public sealed record DossierChangeList(string Number, DateTimeOffset Since, Axis Axis, IReadOnlyList<DossierChange> Changes, bool More);

/// <summary>"What changed since": the changes to a dossier's documents after a moment, on either clock, oldest first.</summary>
public static class DossierChanges
{
    public const int MaxLimit = 200;

    [WolverineGet("/api/dossiers/{nr}/changes", OperationId = "DossierChangesSince")]
    [Tags("Dossiers"), EndpointSummary("What changed in a dossier since a moment: ?since=T&axis=source|recorded&limit= (new documents, new versions with their summaries, withdrawals)")]
    [ProducesResponseType<DossierChangeList>(200)]
    [ProducesResponseType<ProblemDetails>(400, "application/problem+json"), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(string nr, IQuerySession session, IOptions<ArchiveOptions> options, CancellationToken ct, string? since = null, string? axis = null, int limit = 100)
    {
        if (string.IsNullOrWhiteSpace(since)) return Problems.Status(400, "since is missing", $"Say since when: ?since=2026-02-01 (or any moment as {AsOf.AcceptedFormats}).");
        var query = TimeTravelQuery.Parse(since, axis);
        if (query.Problem is { } problem) return problem;
        if (limit is < 1 or > MaxLimit) return Problems.Status(400, "Invalid limit", $"limit must be between 1 and {MaxLimit}, not {limit}.");
        if (await DossierView.LoadAsync(session, nr, ct) is null)
            return Problems.Status(404, "Unknown dossier", $"The Archive knows no Kamerstukdossier '{nr}': neither a document in it nor the dossier itself.");
        return Results.Ok(await SinceAsync(session, nr, query.At, query.Axis, limit, options.Value.Diff, ct));
    }

    /// <summary>The changes after <paramref name="since"/>, oldest first; each new version of a text with its structural summary.</summary>
    public static async Task<DossierChangeList> SinceAsync(IQuerySession session, string dossier, DateTimeOffset since, Axis axis, int limit,
        DiffSettings diff, CancellationToken ct)
    {
        var records = session.Query<ChangeRecord>().Where(c => c.Dossier == dossier);
        records = axis == Axis.Recorded ? records.Where(c => c.Data.RecordedAt >= since) : records.Where(c => c.Data.SourceUpdatedAt >= since);
        var page = await records.OrderBy(c => c.Id).Take(limit + 1).ToListAsync(ct);
        var changes = await DescribeAsync(session, page.Take(limit).ToList(), diff, ct);
        return new DossierChangeList(dossier, since, axis, changes, page.Count > limit);
    }

    /// <summary>What a change is, in Dutch, as the pages and mails say it.</summary>
    public static string InDutch(DossierChange c) => c.What switch
    {
        "created" => "Nieuw document",
        "revised" => $"Nieuwe versie (revisie {c.Revision})",
        "withdrawn" => "Ingetrokken",
        "restored" => "Teruggezet",
        _ => c.What,
    };

    /// <summary>Change records as readers are told of them: each new version of a text with its structural summary.</summary>
    public static async Task<List<DossierChange>> DescribeAsync(IQuerySession session, IReadOnlyList<ChangeRecord> shown, DiffSettings diff, CancellationToken ct)
    {
        var revised = shown.Where(c => c.Data is { Revision: > 1, TextChanged: not false }).Select(c => c.Subject).Distinct().ToArray();
        var histories = revised.Length == 0 ? [] : await DocumentHistory.LoadManyAsync(session, revised, ct);
        var changes = new List<DossierChange>(shown.Count);
        foreach (var c in shown)
        {
            IReadOnlyList<string> summary = [];
            if (c.Data is { Revision: > 1 and var n, TextChanged: not false } && histories.GetValueOrDefault(c.Subject) is { } history && n <= history.Revisions.Count)
            {
                var comparison = await DocumentComparison.LoadAsync(session, c.Subject, history.Revisions[n - 2], history.Revisions[n - 1],
                    new DiffOptions { Budget = TimeSpan.FromMilliseconds(diff.BudgetMilliseconds) }, ct);
                summary = comparison.StructuralChanges.Select(s => s.Text).ToList();
            }
            var what = c.Type[ChangeRecords.TypePrefix.Length..^3];
            changes.Add(new DossierChange(c.Id, what, c.Subject, c.Data.Revision, c.Data.Title, c.Data.Kind, c.Data.SourceUpdatedAt, c.Data.RecordedAt,
                c.Data.ChangedFields, summary, c.Data.Links, c.Dossier));
        }
        return changes;
    }
}
