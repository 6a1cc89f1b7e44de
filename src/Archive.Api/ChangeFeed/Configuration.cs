using Marten;
using Wolverine;
using Wolverine.RabbitMQ;

namespace Archive.Api.ChangeFeed;

public static class Configuration
{
    /// <summary>
    /// Change streams wait on one <see cref="ChangeSignal"/> per process, told by the daemon after
    /// each batch it commits and, from other nodes, by a PostgreSQL NOTIFY on one connection.
    /// </summary>
    public static IServiceCollection AddChangeStreams(this IServiceCollection services)
    {
        services.AddSingleton<ChangeSignal>();
        services.AddSingleton<StreamSlots>();
        services.AddHostedService<ChangeListener>();
        services.ConfigureMarten((provider, opts) => opts.Projections.AsyncListeners.Add(new ChangeNotifier(provider.GetRequiredService<ChangeSignal>())));
        return services;
    }

    /// <summary>Beyond one machine: the change feed's CloudEvents to a RabbitMQ fanout exchange, when a broker is configured.</summary>
    public static void PublishChangesToRabbitMq(this WolverineOptions opts, IConfiguration configuration)
    {
        if (configuration.GetConnectionString("RabbitMq") is not { Length: > 0 } rabbit) return;
        opts.UseRabbitMq(new Uri(rabbit)).AutoProvision();
        opts.PublishMessage<ChangeNotice>().ToRabbitExchange("archive.changes", e => e.ExchangeType = ExchangeType.Fanout);
        opts.Services.AddHostedService<BrokerPublisher>();
    }
}
