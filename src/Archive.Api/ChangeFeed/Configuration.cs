using Marten;
using Wolverine;
using Wolverine.Marten;
using Wolverine.RabbitMQ;

namespace Archive.Api.ChangeFeed;

public static class Configuration
{
    /// <summary>
    /// The change records, written only by <see cref="ChangeFanOut"/>; the duplicated columns are
    /// the feed's filters. The async daemon is woken by a NOTIFY from each append instead of
    /// waiting for its next poll, and polls often when busy: the feed's latency is mostly how soon
    /// the daemon sees a new high-water mark (figures in docs/benchmarks.md).
    /// </summary>
    public static void ConfigureChangeFeed(this StoreOptions opts)
    {
        opts.Schema.For<ChangeRecord>().Identity(x => x.Id)
            .Duplicate(x => x.Subject).Duplicate(x => x.Dossier).Duplicate(x => x.Kind);
        opts.Events.UseListenNotifyForEventAppends = true;
        opts.Projections.FastPollingTime = TimeSpan.FromMilliseconds(50);
        // Only a fallback now that appends wake the daemon: a missed NOTIFY costs at most this.
        opts.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(500);
    }

    /// <summary>
    /// The fan-out subscription, and the change streams: they wait on one <see cref="ChangeSignal"/>
    /// per process, told by the NOTIFY that each page of the fan-out commits, on one connection.
    /// </summary>
    public static IServiceCollection AddChangeFeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.SubscribeToEvents(new ChangeFanOut(toBroker: RabbitMqConnection(configuration) is not null));
        services.AddSingleton<ChangeSignal>();
        services.AddSingleton<StreamSlots>();
        services.AddHostedService<ChangeListener>();
        return services;
    }

    /// <summary>Beyond one machine: the change feed's CloudEvents to a RabbitMQ fanout exchange, when a broker is configured.</summary>
    public static void PublishChangesToRabbitMq(this WolverineOptions opts, IConfiguration configuration)
    {
        if (RabbitMqConnection(configuration) is not { } rabbit) return;
        opts.UseRabbitMq(new Uri(rabbit)).AutoProvision();
        opts.PublishMessage<ChangeNotice>().ToRabbitExchange("archive.changes", e => e.ExchangeType = ExchangeType.Fanout);
        opts.PublishMessage<Transparency.CheckpointNotice>().ToRabbitExchange("archive.changes");
    }

    static string? RabbitMqConnection(IConfiguration configuration) =>
        configuration.GetConnectionString("RabbitMq") is { Length: > 0 } rabbit ? rabbit : null;
}
