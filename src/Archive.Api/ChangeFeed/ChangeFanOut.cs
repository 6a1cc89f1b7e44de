using Archive.Api.Documents;
using Archive.Api.Documents.GettingHistory;
using Archive.Api.Webhooks;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Archive.Api.ChangeFeed;

/// <summary>
/// The one push path. A Marten subscription: the daemon hands it the store's events in global
/// sequence order, page by page, only up to the high-water mark, on one node at a time (HotCold),
/// and keeps its position in the same transaction as what it writes. Per page it stores the change
/// records (from the events themselves), and, in that same transaction, sends each change to the
/// broker (when one is configured) and a wake-up to every webhook subscription with something new
/// through Wolverine's outbox, and queues a PostgreSQL NOTIFY for the change streams of every node.
/// (Follows are matched by a subscription of their own, <see cref="Following.FollowMatching"/>, so
/// that however many there are, they never hold up the feed.)
/// All of it happens at commit or not at all, and a page that fails is handed over again, so
/// every change goes out at least once and in order.
/// </summary>
public sealed class ChangeFanOut : BatchSubscription
{
    public const string Name = "ChangeFeed";
    readonly bool _toBroker;

    public ChangeFanOut(bool toBroker) : base(Name)
    {
        _toBroker = toBroker;
        IncludeType<RevisionImported>();
        IncludeType<DocumentWithdrawn>();
        IncludeType<DocumentRestored>();
        IncludeType<TextReread>();
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations,
        IMessageBus bus, CancellationToken ct)
    {
        var records = await RecordsAsync(page.Events, operations, ct);
        if (records.Count == 0) return;
        operations.Store(records.ToArray());
        if (_toBroker)
            foreach (var record in records) await bus.PublishAsync(ChangeNotice.Of(record));
        foreach (var subscription in await WebhookWakeups.ForAsync(operations, records, ct)) await bus.PublishAsync(new DeliverWebhooks(subscription));
        ChangeNotifier.NotifyAtCommit(operations, records[^1].Id);
    }

    /// <summary>The page's change records; a revision recorded before events said what they changed reads it from the history (one query for the page).</summary>
    static async Task<IReadOnlyList<ChangeRecord>> RecordsAsync(IReadOnlyList<IEvent> events, IQuerySession session, CancellationToken ct)
    {
        var older = events.Where(ChangeRecords.NeedsHistory).Select(e => ((RevisionImported)e.Data).DocumentNumber).Distinct().ToArray();
        var histories = older.Length == 0 ? new Dictionary<string, DocumentHistory>()
            : await DocumentHistory.LoadManyAsync(session, older, ct);
        return events.Select(e => ChangeRecords.From(e, e.Data is RevisionImported r ? histories.GetValueOrDefault(r.DocumentNumber) : null))
            .OfType<ChangeRecord>().ToList();
    }
}
