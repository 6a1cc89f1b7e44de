using Microsoft.Extensions.Options;
using Wolverine;

namespace Archive.Api.Syncing;

/// <summary>Sync the portal now, then again after the configured interval.</summary>
public sealed record RunSync;

public static class RunSyncHandler
{
    public static async Task<object[]> Handle(RunSync message, OdpSync sync, IHttpClientFactory http, IOptions<ArchiveOptions> options,
        ILogger<OdpSync> log, CancellationToken ct)
    {
        var settings = options.Value.Sync;
        var report = await sync.RunAsync(FeedSource.For(settings.BaseUrl, http), null, ct);
        if (report.Problem is not null) log.LogWarning("Scheduled sync stopped: {Problem}", report.Problem);
        else log.LogInformation("Scheduled sync: {Pages} pages, {Entries} entries", report.Pages.Count, report.Sum(p => p.Entries));
        return [new RunSync().DelayedFor(TimeSpan.FromMinutes(settings.IntervalMinutes))];
    }
}

/// <summary>Starts the schedule when Archive:Sync:IntervalMinutes is above 0 (it is 0 unless configured).</summary>
public sealed class SyncSchedule(IServiceScopeFactory scopes, IOptions<ArchiveOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (options.Value.Sync.IntervalMinutes <= 0) return;
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().ScheduleAsync(new RunSync(), TimeSpan.FromSeconds(10));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
