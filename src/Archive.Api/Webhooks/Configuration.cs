using Archive.Api.Infrastructure;
using Marten;
using Wolverine;

namespace Archive.Api.Webhooks;

public static class Configuration
{
    /// <summary>Subscriptions, their delivery log, and redeliveries (kept until the subscription is gone).</summary>
    public static void ConfigureWebhooks(this StoreOptions opts)
    {
        opts.Schema.For<Subscription>();
        opts.Schema.For<DeliveryRecord>().Duplicate(x => x.SubscriptionId);
        opts.Schema.For<RedeliveryJob>().Duplicate(x => x.SubscriptionId);
    }

    /// <summary>
    /// Each subscription's deliveries one after another, in order; different subscriptions side by
    /// side, so a slow receiver holds up only itself. The queues are durable (UseDurableLocalQueues):
    /// a wake-up or a scheduled retry survives a restart.
    /// </summary>
    public static void DeliverWebhooksInOrder(this WolverineOptions opts) =>
        opts.MessagePartitioning.ByMessage<DeliverWebhooks>(m => m.SubscriptionId)
            .PublishToPartitionedLocalMessaging("webhooks", 3, topology => topology.Message<DeliverWebhooks>());

    /// <summary>Deliveries go through the outbound policy: no redirects, and every connection's address checked again.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOutboundClient("webhooks", o => new TargetRules(o.Webhooks.AllowLoopback, TrustAddressLiterals: false))
            .ConfigureHttpClient(c => c.Timeout = TimeSpan.FromSeconds(10));
        return services.AddSingleton<Jitter>();
    }
}
