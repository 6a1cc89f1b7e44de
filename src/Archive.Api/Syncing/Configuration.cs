namespace Archive.Api.Syncing;

public static class Configuration
{
    /// <summary>The portal over HTTP: timeouts, retries with back-off and jitter, a circuit breaker, at most a few requests at a time.</summary>
    public static IServiceCollection AddSyncing(this IServiceCollection services)
    {
        services.AddHttpClient("odp").AddStandardResilienceHandler(o =>
        {
            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(30);
            o.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(3);
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(1);
            o.RateLimiter.DefaultRateLimiterOptions.PermitLimit = 4;
        });
        return services.AddSingleton<OdpSync>().AddHostedService<SyncSchedule>();
    }
}
