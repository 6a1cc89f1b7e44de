namespace Archive.Api.Webhooks;

public static class Configuration
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddHttpClient("webhooks", c => c.Timeout = TimeSpan.FromSeconds(10));
        return services.AddHostedService<WebhookDispatcher>();
    }
}
