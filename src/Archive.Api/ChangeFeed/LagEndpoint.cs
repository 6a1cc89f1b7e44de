using Archive.Api.Webhooks;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Archive.Api.ChangeFeed;

/// <summary>How far behind each reader of the feed is.</summary>
/// <param name="HighWaterMark">The daemon's high-water mark: every event up to it is committed, none below it can still appear.</param>
/// <param name="Published">The last event the fan-out has handled: the feed, the broker and the webhook wake-ups are written up to it.</param>
/// <param name="Behind">Events below the high-water mark that the fan-out has yet to handle.</param>
/// <param name="LastChange">The sequence of the newest change record (not every event is a change).</param>
/// <param name="FollowsMatched">The last event the follows' subscription has matched against every follow (it runs beside the fan-out, and may be behind it or ahead).</param>
public sealed record FeedLag(long HighWaterMark, long Published, long Behind, long LastChange, IReadOnlyList<SubscriptionLag> Subscriptions, long FollowsMatched = 0);

/// <param name="Cursor">The last change delivered to it (or passed over by its filter).</param>
/// <param name="Backlog">Changes after its cursor that pass its filter: what it has yet to receive.</param>
public sealed record SubscriptionLag(string Id, long Cursor, long Backlog, int Failures, DateTimeOffset? NextAttemptAt, bool DeadLettered, bool Disabled);

public static class LagEndpoint
{
    [WolverineGet("/api/changes/lag", OperationId = "ChangeFeedLag")]
    [Tags("Change feed"), EndpointSummary("The high-water mark, how far the feed is published and the follows matched, and each webhook subscription's position and backlog")]
    [ProducesResponseType<FeedLag>(200)]
    public static async Task<FeedLag> Get(IDocumentStore store, IQuerySession session, CancellationToken ct)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        var highWater = progress.FirstOrDefault(p => p.ShardName == "HighWaterMark")?.Sequence ?? 0;
        var published = progress.FirstOrDefault(p => p.ShardName.StartsWith(ChangeFanOut.Name + ":", StringComparison.Ordinal))?.Sequence ?? 0;
        var followsMatched = progress.FirstOrDefault(p => p.ShardName.StartsWith(Following.FollowMatching.Name + ":", StringComparison.Ordinal))?.Sequence ?? 0;
        var last = await session.Query<ChangeRecord>().OrderByDescending(c => c.Id).Select(c => c.Id).FirstOrDefaultAsync(ct);
        var subscriptions = new List<SubscriptionLag>();
        foreach (var s in await session.Query<Subscription>().OrderBy(s => s.CreatedAt).ToListAsync(ct))
            subscriptions.Add(new SubscriptionLag(s.Id, s.Cursor, await ChangeEvents.After(session, s.Cursor, s.Filter).CountAsync(ct),
                s.Failures, s.NextAttemptAt, s.DeadLettered, s.DisabledReason is not null));
        return new FeedLag(highWater, published, Math.Max(0, highWater - published), last, subscriptions, followsMatched);
    }
}
