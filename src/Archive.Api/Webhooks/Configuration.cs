using Archive.Api.Infrastructure;
using Marten;

namespace Archive.Api.Webhooks;

public static class Configuration
{
    /// <summary>Redeliveries run in the background; their status is kept until the subscription is gone.</summary>
    public static void ConfigureWebhooks(this StoreOptions opts) =>
        opts.Schema.For<RedeliveryJob>().Duplicate(x => x.SubscriptionId);

    /// <summary>Deliveries go through the outbound policy: no redirects, and every connection's address checked again.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOutboundClient("webhooks", o => new TargetRules(o.Webhooks.AllowLoopback, TrustAddressLiterals: false))
            .ConfigureHttpClient(c => c.Timeout = TimeSpan.FromSeconds(10));
        return services.AddHostedService<WebhookDispatcher>();
    }
}
