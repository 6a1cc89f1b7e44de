using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Archive.Api.Infrastructure;

/// <summary>What a person starting the Archive needs to see: where it listens and the key for writes.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app, ArchiveOptions configured)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (addresses.Count == 0) return;
        var key = app.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value.ApiKey;
        Console.WriteLine($"The Archive is listening on {string.Join(", ", addresses)} (API reference: {addresses.First()}/docs)");
        if (configured.ApiKey is null) Console.WriteLine($"API key: {key} (generated for this run; set Archive__ApiKey to keep one)");
    }
}
