using Archive.Api.ChangeFeed;
using Marten;

namespace Archive.Api.Webhooks;

/// <summary>Which subscriptions a page of new changes concerns: the active ones behind it with at least one change that passes their filter.</summary>
public static class WebhookWakeups
{
    public static async Task<IReadOnlyList<string>> ForAsync(IQuerySession session, IReadOnlyList<ChangeRecord> changes, CancellationToken ct)
    {
        var highest = changes[^1].Id;
        var behind = await session.Query<Subscription>()
            .Where(s => s.DisabledReason == null && !s.DeadLettered && s.Cursor < highest).ToListAsync(ct);
        return behind.Where(s => changes.Any(c => c.Id > s.Cursor && WebhookDeliveryHandler.Matches(s.Filter, c))).Select(s => s.Id).ToList();
    }
}
