using Archive.Api.ChangeFeed;
using Marten;
using Wolverine;

namespace Archive.Api.Following;

/// <summary>
/// The follows' part of the change feed's fan-out: in the same transaction as a page of change
/// records, each follow's matches are stored as entries, and each follow that mails is sent a
/// <see cref="MailFollow"/> through the outbox, for when its digest is due: after the quiet that
/// groups a burst (immediate), or at the daily hour. The mail handler decides what a mail holds,
/// so a wake-up too many costs a query, never a second mail.
/// </summary>
public static class FollowFanOut
{
    public static async Task ApplyAsync(IReadOnlyList<ChangeRecord> records, IDocumentOperations operations, IMessageBus bus, FollowSettings settings,
        TimeProvider clock, CancellationToken ct)
    {
        // A follow hears of the changes after the one that was newest when it was made.
        var highest = records[^1].Id;
        var follows = await operations.Query<Follow>().Where(f => f.Since < highest).ToListAsync(ct);
        if (follows.Count == 0) return;
        var matches = await ChangeMatching.MatchAsync(operations, follows.Select(f => f.Filter).ToList(), records, ct);
        for (var f = 0; f < follows.Count; f++)
        {
            var follow = follows[f];
            var entries = records.Where((r, i) => matches[f][i] && r.Id > follow.Since).Select(r => FollowEntry.Of(follow.Id, r)).ToArray();
            if (entries.Length == 0) continue;
            operations.Store(entries);
            if (!follow.Mails) continue;
            var message = new MailFollow(follow.Id);
            if (follow.Digest == MailDigest.Daily) await bus.ScheduleAsync(message, MailTiming.NextDaily(clock.GetUtcNow(), settings));
            else await bus.PublishAsync(message, new DeliveryOptions { ScheduleDelay = TimeSpan.FromSeconds(settings.GroupSeconds) });
        }
    }
}
