using Archive.Api.Infrastructure;
using Archive.Content.OpenData;
using Microsoft.Extensions.Http.Resilience;
using Polly.Telemetry;
using Marten;

namespace Archive.Api.Importing.Syncing;

public static class Configuration
{
    /// <summary>
    /// What the Open Data Portal sync keeps between pages: the entities it joins, its checkpoints,
    /// tombstones it cannot place yet, the files it captured (so that an unchanged file is never
    /// fetched again) and the gap ledger.
    /// </summary>
    public static void ConfigureSyncing(this StoreOptions opts)
    {
        opts.Schema.For<TkDocument>().Duplicate(x => x.CurrentVersion).Duplicate(x => x.Dossier);
        opts.Schema.For<TkDocumentVersion>();
        opts.Schema.For<TkDossier>().Duplicate(x => x.Number!);
        opts.Schema.For<TkCase>().Duplicate(x => x.Number!);
        opts.Schema.For<TkDocumentActor>();
        opts.Schema.For<SyncCheckpoint>();
        opts.Schema.For<RememberedTombstone>();
        opts.Schema.For<CapturedFile>();
        opts.Schema.For<ScheduledSyncState>();
        opts.Schema.For<Gaps.SyncGap>()
            .Duplicate(x => x.Open).Duplicate(x => x.Reason).Duplicate(x => x.Category).Duplicate(x => x.NextAttemptAt!).Duplicate(x => x.Missing);
    }

    /// <summary>
    /// The portal over HTTP, through the outbound policy (no redirects but those <see cref="PortalLinks"/> allows, every
    /// connection's address checked; a portal or mirror on loopback or a private network is named by its address):
    /// timeouts, retries with back-off and jitter (never of a refused target), a circuit breaker, at most a few requests at a time.
    /// </summary>
    public static IServiceCollection AddSyncing(this IServiceCollection services)
    {
        services.AddOutboundClient("odp", _ => new TargetRules(AllowLoopback: false, TrustAddressLiterals: true)).AddStandardResilienceHandler(o =>
        {
            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(30);
            o.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(3);
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(1);
            o.RateLimiter.DefaultRateLimiterOptions.PermitLimit = 4;
            o.Retry.ShouldHandle = args => ValueTask.FromResult(!OutboundHttp.IsRefusal(args.Outcome.Exception) && HttpClientResiliencePredicates.IsTransient(args.Outcome));
        });
        // A retry, a time-out or an open circuit is the pipeline doing its job, and the sync says what came of it (a gap, a stopped
        // category): in the server's log at Information, never a warning with a stack trace on the command line.
        services.Configure<TelemetryOptions>(o => o.SeverityProvider = e => e.Event.Severity > ResilienceEventSeverity.Information ? ResilienceEventSeverity.Information : e.Event.Severity);
        return services.AddSingleton<OdpSync>().AddHostedService<SyncSchedule>();
    }
}
