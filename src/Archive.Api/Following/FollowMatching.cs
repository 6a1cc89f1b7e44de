using Archive.Api.ChangeFeed;
using Archive.Api.Documents;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Archive.Api.Following;

/// <summary>
/// Follows, matched against the changes: a Marten subscription of its own, beside the change
/// feed's fan-out, so that matching many follows never holds up the feed. The daemon hands it the
/// events in sequence order up to the high-water mark, and it keeps its position in the same
/// transaction as what it writes. Per page, each follow's matches are stored as entries, and each
/// follow that mails is sent a <see cref="MailFollow"/> through the outbox, for when its digest
/// could be due: after the quiet that groups a burst (immediate), or at the daily hour. The mail
/// handler decides what a mail holds, so a wake-up too many costs a query, never a second mail.
/// </summary>
public sealed class FollowMatching : BatchSubscription
{
    public const string Name = "Follows";
    readonly FollowSettings _settings;
    readonly TimeProvider _clock;

    /// <summary>
    /// The wake-up planned for each follow (when, for which digest): while it is still ahead, later
    /// pages need not wake the follow again, so a day of sync pages is one wake-up for a daily digest.
    /// Kept in memory: a restart or another node plans afresh (a wake-up too many), and a page
    /// handed over again (its transaction, with its wake-ups, rolled back) forgets every plan.
    /// </summary>
    readonly Dictionary<string, (DateTimeOffset Due, MailDigest Digest)> _planned = [];
    long _handledThrough;

    public FollowMatching(FollowSettings settings, TimeProvider clock) : base(Name)
    {
        (_settings, _clock) = (settings, clock);
        IncludeType<RevisionImported>();
        IncludeType<DocumentWithdrawn>();
        IncludeType<DocumentRestored>();
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations,
        IMessageBus bus, CancellationToken ct)
    {
        if (page.SequenceFloor <= _handledThrough) _planned.Clear();
        _handledThrough = page.SequenceCeiling;
        // The change each event is, from the event alone: matching needs its document, dossier, kind and revision, which every event names.
        var records = page.Events.Select(e => ChangeRecords.From(e)).OfType<ChangeRecord>().ToList();
        if (records.Count > 0) await ApplyAsync(records, operations, bus, ct);
    }

    async Task ApplyAsync(IReadOnlyList<ChangeRecord> records, IDocumentOperations operations, IMessageBus bus, CancellationToken ct)
    {
        // A follow hears of the changes after the one that was newest when it was made.
        var highest = records[^1].Id;
        var follows = await operations.Query<Follow>().Where(f => f.Since < highest).ToListAsync(ct);
        if (follows.Count == 0) return;
        var matches = await ChangeMatching.MatchAsync(operations, follows.Select(f => f.Filter).ToList(), records, ct);
        var wakes = new List<Follow>();
        for (var f = 0; f < follows.Count; f++)
        {
            var follow = follows[f];
            var entries = records.Where((r, i) => matches[f][i] && r.Id > follow.Since).Select(r => FollowEntry.Of(follow.Id, r)).ToArray();
            if (entries.Length == 0) continue;
            operations.Store(entries);
            if (follow.Mails) wakes.Add(follow);
        }
        await WakeAsync(wakes, bus);
    }

    /// <summary>
    /// Wakes the mail handler of each follow with new entries for when its digest could be due,
    /// unless an earlier page already did for a time still ahead. Between that wake-up's reading and
    /// its commit a page can slip in unseen; the handler looks once more a quiet spell after each
    /// mail, so such a change waits at most that long.
    /// </summary>
    async Task WakeAsync(IReadOnlyList<Follow> follows, IMessageBus bus)
    {
        var now = _clock.GetUtcNow();
        foreach (var follow in follows)
        {
            if (_planned.TryGetValue(follow.Id, out var plan) && plan.Due > now && plan.Digest == follow.Digest) continue;
            var due = follow.Digest == MailDigest.Daily ? MailTiming.NextDaily(now, _settings) : now + TimeSpan.FromSeconds(_settings.GroupSeconds);
            await bus.ScheduleAsync(new MailFollow(follow.Id), due);
            _planned[follow.Id] = (due, follow.Digest);
        }
    }
}
