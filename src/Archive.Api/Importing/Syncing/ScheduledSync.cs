using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Archive.Api.Importing.Syncing;

/// <summary>Sync the portal now, then again after the configured interval.</summary>
public sealed record RunSync;

public static class RunSyncHandler
{
    public static async Task<object[]> Handle(RunSync message, OdpSync sync, IHttpClientFactory http, IOptions<ArchiveOptions> options,
        IDocumentStore store, TimeProvider clock, ILogger<OdpSync> log, CancellationToken ct)
    {
        var settings = options.Value.Sync;
        var interval = TimeSpan.FromMinutes(settings.IntervalMinutes);
        await RecordAsync(store, s => (s.Running, s.LastStartedAt) = (true, clock.GetUtcNow()), ct);
        var report = await sync.RunAsync(FeedSource.For(settings.BaseUrl, http, settings), null, ct);
        if (report.Problem is not null) log.LogWarning("Scheduled sync: some categories stopped: {Problem}", report.Problem);
        else log.LogInformation("Scheduled sync: {Pages} pages, {Entries} entries", report.Pages.Count, report.Sum(p => p.Entries));
        var finished = clock.GetUtcNow();
        await RecordAsync(store, s =>
        {
            (s.Running, s.LastFinishedAt, s.LastProblem, s.NextRunAt) = (false, finished, report.Problem, finished + interval);
            if (report.Succeeded) s.LastSucceededAt = finished;
        }, ct);
        return [new RunSync().DelayedFor(interval)];
    }

    static async Task RecordAsync(IDocumentStore store, Action<ScheduledSyncState> change, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var state = await session.LoadAsync<ScheduledSyncState>("scheduled", ct) ?? new ScheduledSyncState();
        change(state);
        session.Store(state);
        await session.SaveChangesAsync(ct);
    }
}

/// <summary>Starts the schedule when Archive:Sync:IntervalMinutes is above 0 (it is 0 unless configured).</summary>
public sealed class SyncSchedule(IServiceScopeFactory scopes, IOptions<ArchiveOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (options.Value.Sync.IntervalMinutes <= 0) return;
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().ScheduleAsync(new RunSync(), TimeSpan.FromSeconds(options.Value.Sync.FirstRunSeconds));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
