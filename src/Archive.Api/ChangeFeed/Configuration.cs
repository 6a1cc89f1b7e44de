using Wolverine;
using Wolverine.RabbitMQ;

namespace Archive.Api.ChangeFeed;

public static class Configuration
{
    /// <summary>Beyond one machine: the change feed's CloudEvents to a RabbitMQ fanout exchange, when a broker is configured.</summary>
    public static void PublishChangesToRabbitMq(this WolverineOptions opts, IConfiguration configuration)
    {
        if (configuration.GetConnectionString("RabbitMq") is not { Length: > 0 } rabbit) return;
        opts.UseRabbitMq(new Uri(rabbit)).AutoProvision();
        opts.PublishMessage<ChangeNotice>().ToRabbitExchange("archive.changes", e => e.ExchangeType = ExchangeType.Fanout);
        opts.Services.AddHostedService<BrokerPublisher>();
    }
}
