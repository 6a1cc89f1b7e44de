using Marten;

namespace Archive.Api.Importing.Syncing.Gaps;

/// <summary>A page of the gap ledger and how many gaps match in all.</summary>
public sealed record GapPage(long Total, int Limit, int Offset, IReadOnlyList<SyncGap> Gaps);

/// <summary>The filters of the gap ledger, shared by the API, the command line and the page.</summary>
public sealed record GapQuery(string State = "open", string? Reason = null, string? Category = null, int Limit = 50, int Offset = 0)
{
    public static readonly string[] States = ["open", "closed", "all"];

    public string? Problem() =>
        !States.Contains(State) ? $"state '{State}' is none of {string.Join(", ", States)}"
        : Reason is not null && !GapReasons.All.Contains(Reason) ? $"reason '{Reason}' is none of {string.Join(", ", GapReasons.All)}"
        : Category is not null && !FeedSource.Categories.Contains(Category) ? $"category '{Category}' is none of {string.Join(", ", FeedSource.Categories)}"
        : Limit is < 1 or > 500 ? $"limit {Limit} is not between 1 and 500"
        : Offset < 0 ? $"offset {Offset} is negative"
        : null;

    /// <summary>The gaps that match, open ones by their next attempt, closed ones latest first.</summary>
    public async Task<GapPage> RunAsync(IQuerySession session, CancellationToken ct)
    {
        var gaps = session.Query<SyncGap>().AsQueryable();
        if (State != "all") { var open = State == "open"; gaps = gaps.Where(g => g.Open == open); }
        if (Reason is not null) gaps = gaps.Where(g => g.Reason == Reason);
        if (Category is not null) gaps = gaps.Where(g => g.Category == Category);
        var total = await gaps.CountAsync(ct);
        var page = await gaps.OrderByDescending(g => g.Open).ThenBy(g => g.NextAttemptAt).ThenByDescending(g => g.LastAttemptAt).ThenBy(g => g.Id)
            .Skip(Offset).Take(Limit).ToListAsync(ct);
        return new GapPage(total, Limit, Offset, page);
    }
}
