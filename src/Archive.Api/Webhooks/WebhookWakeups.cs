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
        if (behind.Count == 0) return [];
        var passes = await ChangeMatching.MatchAsync(session, behind.Select(s => s.Filter).ToList(), changes, ct);
        return behind.Where((s, i) => changes.Where((c, j) => c.Id > s.Cursor && passes[i][j]).Any()).Select(s => s.Id).ToList();
    }
}
