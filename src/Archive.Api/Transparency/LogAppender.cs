using Archive.Content.Transparency;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Archive.Api.Transparency;

/// <summary>
/// The log's one writer. A Marten subscription: the daemon hands it every event of the store in
/// global sequence order, page by page, only up to the high-water mark (so a transaction still in
/// flight never leaves a hole that a later leaf would skip), on one node at a time (HotCold), and
/// keeps its position in the transaction that appends the page's leaves and subtree hashes. So the
/// log is every event exactly once, in the store's order. A checkpoint is then signed a little later
/// (<see cref="SignCheckpoint"/>, a scheduled message), at most once per interval.
/// </summary>
public sealed class LogAppender(TimeSpan checkpointInterval) : BatchSubscription(Name)
{
    public const string Name = "TransparencyLog";
    DateTimeOffset _signingDue = DateTimeOffset.MinValue;

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations,
        IMessageBus bus, CancellationToken ct)
    {
        if (page.Events.Count == 0) return;
        var log = new LogStore(operations.DocumentStore);
        var schema = operations.DocumentStore.Options.DatabaseSchemaName;
        await using var connection = await log.OpenAsync(ct);
        var (size, lastSequence) = await log.EndAsync(connection, ct);
        // A page handed over again after its transaction failed finds none of its leaves; after a
        // rewind it finds them all: those are not appended twice.
        // Marten's tombstones (what a failed append leaves so that the sequence has no hole) are no one's history.
        var events = page.Events.Where(e => e.Sequence > lastSequence && e.StreamKey != JasperFx.StorageConstants.TombstoneStreamKey).ToList();
        if (events.Count == 0) return;

        var records = events.Select(LogRecords.Of).ToList();
        var frontier = await log.HashesAsync(connection, MerkleTree.Frontier(size).ToList(), ct);
        var appended = MerkleTree.Append(size, records.Select(r => r.LeafHash).ToList(), node => frontier[node]);

        operations.QueueSqlCommand(
            $"insert into {schema}.{Configuration.Leaves} (idx, seq, stream, version, revision, data) " +
            "select * from unnest(?::bigint[], ?::bigint[], ?::text[], ?::bigint[], ?::int[], ?::bytea[])",
            Enumerable.Range(0, events.Count).Select(i => size + i).ToArray(), events.Select(e => e.Sequence).ToArray(),
            events.Select(e => e.StreamKey ?? e.StreamId.ToString()).ToArray(), events.Select(e => e.Version).ToArray(),
            events.Select(e => e.Data is Documents.RevisionImported r ? r.Revision : (int?)null).ToArray(),
            records.Select(r => r.Bytes).ToArray());
        operations.QueueSqlCommand(
            $"insert into {schema}.{Configuration.Hashes} (level, idx, hash) select * from unnest(?::int[], ?::bigint[], ?::bytea[])",
            appended.Select(a => a.Node.Level).ToArray(), appended.Select(a => a.Node.Index).ToArray(), appended.Select(a => a.Hash).ToArray());

        // One signing per interval: the first page after a quiet spell is signed at once, what comes
        // after it within the interval by one message at the interval's end (it signs what is there by then).
        var now = DateTimeOffset.UtcNow;
        if (_signingDue > now) return;
        var due = _signingDue + checkpointInterval > now ? _signingDue + checkpointInterval : now;
        _signingDue = due;
        if (due <= now) await bus.PublishAsync(new SignCheckpoint());
        else await bus.ScheduleAsync(new SignCheckpoint(), due);
    }
}

/// <summary>The log record of an event (<see cref="LogRecord"/>).</summary>
public static class LogRecords
{
    public static LogRecord Of(IEvent e)
    {
        var (sourceUpdatedAt, recordedAt, text) = e.Data switch
        {
            Documents.RevisionImported r => (r.SourceUpdatedAt, r.RecordedAt, r.ContentHash),
            Documents.DocumentWithdrawn w => (w.SourceUpdatedAt, w.RecordedAt, (string?)null),
            Documents.DocumentRestored r => (r.SourceUpdatedAt, r.RecordedAt, (string?)null),
            Documents.TextReread t => (t.RevisionSourceUpdatedAt, t.RecordedAt, t.TextHash),
            _ => (e.Timestamp, e.Timestamp, (string?)null),
        };
        return new LogRecord(e.Sequence, e.StreamKey ?? e.StreamId.ToString(), e.Version, e.EventTypeName, sourceUpdatedAt, recordedAt,
            Documents.RevisionChain.Hash(e.Data), text);
    }
}
