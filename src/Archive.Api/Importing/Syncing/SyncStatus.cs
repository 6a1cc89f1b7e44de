using Archive.Api.Importing.Syncing.Gaps;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Archive.Api.Importing.Syncing;

/// <summary>What the scheduled sync did last: kept by the scheduled run itself, so that any node can tell.</summary>
public sealed class ScheduledSyncState
{
    public string Id { get; set; } = "scheduled";
    public bool Running { get; set; }
    public DateTimeOffset? LastStartedAt { get; set; }
    public DateTimeOffset? LastFinishedAt { get; set; }
    public DateTimeOffset? LastSucceededAt { get; set; }
    public string? LastProblem { get; set; }
    public DateTimeOffset? NextRunAt { get; set; }
}

/// <param name="EntriesBehind">How many entries the portal has past the checkpoint; the SyncFeed does not say, so null (unknown).</param>
public sealed record CategoryStatus(string Category, string? Source, string? Checkpoint, long Entries, DateTimeOffset? LastPageAt,
    DateTimeOffset? LastEntryAt, long? EntriesBehind, long OpenGaps, string? Problem, DateTimeOffset? ProblemAt);

public sealed record ScheduleStatus(bool Enabled, int IntervalMinutes, bool Running, DateTimeOffset? LastStartedAt, DateTimeOffset? LastFinishedAt,
    DateTimeOffset? LastSucceededAt, string? LastProblem, DateTimeOffset? NextRunAt);

public sealed record SyncStatus(IReadOnlyList<CategoryStatus> Categories, long OpenGaps, ScheduleStatus Schedule)
{
    public static async Task<SyncStatus> ReadAsync(IQuerySession session, SyncSettings settings, CancellationToken ct)
    {
        var checkpoints = (await session.LoadManyAsync<SyncCheckpoint>(ct, FeedSource.Categories)).ToDictionary(c => c.Id);
        var categories = new List<CategoryStatus>();
        foreach (var category in FeedSource.Categories)
        {
            var gaps = await session.Query<SyncGap>().CountAsync(g => g.Open && g.Category == category, ct);
            var c = checkpoints.GetValueOrDefault(category);
            categories.Add(new CategoryStatus(category, c?.Source, c is { Location.Length: > 0 } ? c.Location : null, c?.Entries ?? 0,
                c?.Location.Length > 0 ? c.UpdatedAt : null, c?.LastEntryAt, null, gaps, c?.Problem, c?.ProblemAt));
        }
        var s = await session.LoadAsync<ScheduledSyncState>("scheduled", ct) ?? new ScheduledSyncState();
        var schedule = new ScheduleStatus(settings.IntervalMinutes > 0, settings.IntervalMinutes, s.Running, s.LastStartedAt, s.LastFinishedAt,
            s.LastSucceededAt, s.LastProblem, s.NextRunAt);
        return new SyncStatus(categories, await session.Query<SyncGap>().CountAsync(g => g.Open, ct), schedule);
    }
}

public static class SyncStatusEndpoint
{
    [WolverineGet("/api/sync", OperationId = "GetSyncStatus")]
    [Tags("Syncing"), EndpointSummary("Per category the checkpoint, the last entry seen, open gaps and why it stopped; and the scheduled sync")]
    [ProducesResponseType<SyncStatus>(200)]
    public static async Task<SyncStatus> Get(IQuerySession session, IOptions<ArchiveOptions> options, CancellationToken ct) =>
        await SyncStatus.ReadAsync(session, options.Value.Sync, ct);
}
