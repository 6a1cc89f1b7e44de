using Archive.Content.Documents;
using Marten;

namespace Archive.Api.Documents.TimeTravel;

/// <summary>What the Archive can say about a document at a moment on one clock.</summary>
public abstract record AsOfAnswer
{
    public sealed record Unknown : AsOfAnswer;
    public sealed record NotYet(DateTimeOffset FirstAppears) : AsOfAnswer;
    public sealed record Withdrawn(RevisionRecord LastRevision, StatusRecord Status) : AsOfAnswer;
    public sealed record Found(RevisionRecord Revision, StatusRecord? Status) : AsOfAnswer;
}

/// <summary>
/// A document as of T. On the source axis: the revision with the latest source time ≤ T. On the
/// recorded axis: what the Archive answered at T, i.e. of the revisions recorded by T the one
/// with the latest source time. Withdrawn when the last status change by the same rules is a
/// withdrawal. Answered from indexed rows; <see cref="ByReplayAsync"/> answers the same from
/// the events themselves, to cross-check.
/// </summary>
public static class DocumentTimeTravel
{
    public static async Task<AsOfAnswer> AtAsync(IQuerySession session, string number, DateTimeOffset at, Axis axis, CancellationToken ct)
    {
        var revisions = session.Query<RevisionRecord>().Where(r => r.DocumentNumber == number);
        var revision = await revisions.VisibleAt(at, axis).StandingFirst().FirstOrDefaultAsync(ct);
        if (revision is null) return await Absent(revisions, axis, ct);

        var status = await session.Query<StatusRecord>().Where(s => s.DocumentNumber == number).VisibleAt(at, axis).StandingFirst().FirstOrDefaultAsync(ct);
        return status is { Withdrawn: true } ? new AsOfAnswer.Withdrawn(revision, status) : new AsOfAnswer.Found(revision, status);
    }

    /// <summary>
    /// For many documents at once (a dossier, a page of an export): each one's revision at T, leaving
    /// out those that did not exist yet or were withdrawn at T. Two queries, whatever the number.
    /// </summary>
    public static async Task<List<RevisionRecord>> ManyAtAsync(IQuerySession session, IReadOnlyCollection<string> numbers, DateTimeOffset at, Axis axis, CancellationToken ct)
    {
        var keys = numbers.ToArray();
        var known = await session.Query<RevisionRecord>().Where(r => r.DocumentNumber.IsOneOf(keys)).VisibleAt(at, axis).ToListAsync(ct);
        var withdrawn = (await session.Query<StatusRecord>().Where(s => s.DocumentNumber.IsOneOf(keys)).VisibleAt(at, axis).ToListAsync(ct))
            .GroupBy(s => s.DocumentNumber)
            .Where(g => Standing.Of(g)!.Withdrawn)
            .Select(g => g.Key).ToHashSet();
        return known.GroupBy(r => r.DocumentNumber)
            .Where(g => !withdrawn.Contains(g.Key))
            .Select(g => Standing.Of(g)!)
            .OrderBy(r => r.DocumentNumber, StringComparer.Ordinal)
            .ToList();
    }

    static async Task<AsOfAnswer> Absent(IQueryable<RevisionRecord> revisions, Axis axis, CancellationToken ct)
    {
        var first = await (axis == Axis.Source ? revisions.OrderBy(r => r.SourceUpdatedAt) : revisions.OrderBy(r => r.RecordedAt)).FirstOrDefaultAsync(ct);
        return first is null ? new AsOfAnswer.Unknown() : new AsOfAnswer.NotYet(axis == Axis.Source ? first.SourceUpdatedAt : first.RecordedAt);
    }

    /// <summary>The naive way: read every event of the stream and apply the same rules. O(n) per question.</summary>
    public static async Task<AsOfAnswer> ByReplayAsync(IQuerySession session, string number, DateTimeOffset at, Axis axis, CancellationToken ct)
    {
        var events = (await session.Events.FetchStreamAsync(number, token: ct)).Select(e => e.Data).ToList();
        var revisions = events.OfType<RevisionImported>().Select(Clocks).ToList();
        if (revisions.Count == 0) return new AsOfAnswer.Unknown();
        if (Standing.Of(revisions, at, axis) is not { } chosen)
            return new AsOfAnswer.NotYet(revisions.Min(r => axis == Axis.Source ? r.SourceUpdatedAt : r.RecordedAt));
        var record = await session.LoadAsync<RevisionRecord>(RevisionRecord.IdOf(number, chosen.Revision), ct)
                     ?? throw new InvalidOperationException($"no revision record for {number}@{chosen.Revision}");
        var status = Standing.Of(events.Select(StatusOf).OfType<StatusRecord>().AsQueryable().VisibleAt(at, axis));
        return status is { Withdrawn: true } ? new AsOfAnswer.Withdrawn(record, status) : new AsOfAnswer.Found(record, status);
    }

    /// <summary>Only what the rule reads: the clocks, the source version and the revision number.</summary>
    static RevisionRecord Clocks(RevisionImported e) => new()
    {
        DocumentNumber = e.DocumentNumber, Revision = e.Revision, SourceVersion = e.SourceVersion, SourceUpdatedAt = e.SourceUpdatedAt, RecordedAt = e.RecordedAt,
    };

    static StatusRecord? StatusOf(object e) => e switch
    {
        DocumentWithdrawn w => new StatusRecord { DocumentNumber = w.DocumentNumber, Withdrawn = true, Reason = w.Reason, SourceUpdatedAt = w.SourceUpdatedAt, RecordedAt = w.RecordedAt },
        DocumentRestored r => new StatusRecord { DocumentNumber = r.DocumentNumber, Withdrawn = false, Reason = r.Reason, SourceUpdatedAt = r.SourceUpdatedAt, RecordedAt = r.RecordedAt },
        _ => null,
    };
}
