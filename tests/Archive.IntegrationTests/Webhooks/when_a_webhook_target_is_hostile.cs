using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Archive.Api.Infrastructure;
using Archive.Api.Webhooks;
using Archive.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Archive.IntegrationTests.Webhooks;

/// <summary>A target that answers every delivery with a redirect to where the test says.</summary>
public sealed class Redirector : IAsyncDisposable
{
    readonly WebApplication _app;
    public string Url { get; private set; } = "";

    Redirector(WebApplication app) => _app = app;

    public static async Task<Redirector> StartAsync(string to)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var redirector = new Redirector(builder.Build());
        redirector._app.MapPost("/hook", (HttpResponse response) =>
        {
            response.Headers.Location = to;
            return Results.StatusCode(307);
        });
        await redirector._app.StartAsync();
        redirector.Url = redirector._app.Urls.First() + "/hook";
        return redirector;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public static class Subscriptions
{
    public static async Task<JsonNode> Subscribe(this ArchiveHost archive, string url, object? filter = null, int expect = 201) =>
        await (await archive.Post("/api/subscriptions", new { url, filter }, expect)).ReadJson();

    public static async Task<JsonNode> GetWithKey(this ArchiveHost archive, string url) =>
        await (await archive.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Authorization", $"Bearer {ArchiveHost.ApiKey}");
        })).ReadJson();

    /// <summary>The delivery log once it has an attempt that satisfies <paramref name="condition"/>; for at most a minute.</summary>
    public static async Task<JsonArray> Deliveries(this ArchiveHost archive, string id, Func<JsonNode, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var log = (await archive.GetWithKey($"/api/subscriptions/{id}/deliveries")).AsArray();
            if (log.Any(d => condition(d!)) || DateTime.UtcNow > deadline) return log;
            await Task.Delay(100);   // the dispatcher runs in the background: there is no event of ours to wait on
        }
    }
}

[Collection(ArchiveCollection.Name)]
public class when_a_webhook_target_is_hostile(WebhookHost archive) : IClassFixture<WebhookHost>
{
    async Task Import(string number) => await archive.Import(Fixtures.V1.Replace("2026D04632", number), expect: 201);

    [Fact]
    public async Task a_redirect_is_a_failed_delivery_and_the_signed_body_goes_nowhere_else()
    {
        await using var elsewhere = await Receiver.StartAsync();
        await using var redirector = await Redirector.StartAsync(elsewhere.Url);
        var subscription = await archive.Subscribe(redirector.Url, new { document = "2026D40300" });
        elsewhere.Secret = (string)subscription["secret"]!;

        await Import("2026D40300");
        var log = await archive.Deliveries((string)subscription["id"]!, d => (int?)d["status"] == 307);

        var attempt = log.First(d => (int?)d!["status"] == 307)!;
        Assert.False((bool)attempt["delivered"]!);
        Assert.Contains("a redirect, which the Archive does not follow", (string)attempt["error"]!);
        Assert.Empty(elsewhere.Received);
        Assert.Equal(0, elsewhere.BadSignatures);
    }

    [Theory]
    [InlineData("http://user:pass@127.0.0.1:9/hook", "credentials")]
    [InlineData("https://token@127.0.0.1/hook", "credentials")]
    [InlineData("http://[::]:80/", "'[::]' is ::, an unspecified address")]
    [InlineData("http://0.0.0.0/", "an unspecified address")]
    [InlineData("http://[::ffff:10.0.0.1]/hook", "a private address")]
    [InlineData("http://224.0.0.251/hook", "a multicast address")]
    public async Task credentials_and_addresses_that_are_nobody_in_particular_are_refused(string url, string reason)
    {
        var problem = await archive.Subscribe(url, expect: 400);
        Assert.Equal("Target refused", (string)problem["title"]!);
        Assert.Contains(reason, (string)problem["detail"]!);
    }

    [Fact]
    public async Task the_list_shows_no_secret_and_no_password()
    {
        await using (var session = archive.Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            // As a subscription made before credentials were refused was kept.
            session.Store(new Subscription { Id = "sub_old", Url = "http://hook-user:hunter2@127.0.0.1:9/hook", Secret = "whsec_kept-from-before", CreatedAt = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync();
        }
        await archive.Subscribe("http://127.0.0.1:9/new-hook");

        var list = (await archive.GetWithKey("/api/subscriptions")).ToJsonString();

        Assert.Contains("http://127.0.0.1:9/hook", list);
        Assert.DoesNotContain("hunter2", list);
        Assert.DoesNotContain("hook-user", list);
        Assert.DoesNotContain("whsec_", list);
    }

    [Fact]
    public async Task a_redelivery_is_accepted_and_its_status_reaches_done()
    {
        await using var receiver = await Receiver.StartAsync();
        var subscription = await archive.Subscribe(receiver.Url, new { document = "2026D40400" });
        receiver.Secret = (string)subscription["secret"]!;
        await Import("2026D40400");
        await receiver.WaitFor(() => receiver.Received.Count >= 1, "the change");
        var sequence = receiver.Received.First();

        var accepted = await archive.Post($"/api/subscriptions/{subscription["id"]}/redeliveries", new { from = sequence, to = sequence }, 202);

        var location = accepted.Context.Response.Headers.Location.ToString();
        Assert.StartsWith($"{ArchiveHost.PublicBaseUrl}/api/subscriptions/{subscription["id"]}/redeliveries/rdl_", location);
        Assert.Contains((string)(await accepted.ReadJson())["state"]!, new[] { "queued", "running", "done" });
        var status = await Until(location[ArchiveHost.PublicBaseUrl.Length..], s => (string)s["state"]! == "done");
        Assert.Equal((1, 0), ((int)status["delivered"]!, (int)status["failed"]!));
        Assert.NotNull(status["finishedAt"]);
        Assert.Equal([sequence, sequence], receiver.Received.ToList());
    }

    async Task<JsonNode> Until(string url, Func<JsonNode, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        JsonNode status;
        while (!condition(status = await archive.GetWithKey(url)) && DateTime.UtcNow < deadline)
            await Task.Delay(100);   // the job runs in the background; its status resource is what a client would poll
        return status;
    }
}

/// <summary>A DNS whose answer changes once the test has subscribed: public then, loopback at delivery time.</summary>
public sealed class RebindingDns : HostResolver
{
    public volatile bool Rebound;

    public override Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        host == "hooks.rebind.test"
            ? Task.FromResult(new[] { Rebound ? IPAddress.Loopback : IPAddress.Parse("93.184.216.34") })
            : base.ResolveAsync(host, ct);
}

/// <summary>An Archive that does not allow loopback targets, behind a DNS that rebinds.</summary>
public sealed class RebindingHost : ArchiveHost
{
    public RebindingDns Dns { get; } = new();

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Archive:Webhooks:PollMilliseconds", "100");
        builder.ConfigureServices(s => s.AddSingleton<HostResolver>(Dns));
    }
}

[Collection(ArchiveCollection.Name)]
public class when_a_webhook_targets_dns_rebinds(RebindingHost archive) : IClassFixture<RebindingHost>
{
    [Fact]
    public async Task the_delivery_is_refused_on_the_address_it_would_reach()
    {
        await using var receiver = await Receiver.StartAsync();
        var port = new Uri(receiver.Url).Port;
        var subscription = await archive.Subscribe($"http://hooks.rebind.test:{port}/hook");
        receiver.Secret = (string)subscription["secret"]!;
        archive.Dns.Rebound = true;

        await archive.Import(Fixtures.V1.Replace("2026D04632", "2026D40500"), expect: 201);
        var log = await archive.Deliveries((string)subscription["id"]!, d => d["error"] is not null);

        var attempt = log.First(d => d!["error"] is not null)!;
        Assert.False((bool)attempt["delivered"]!);
        Assert.Contains("'hooks.rebind.test' is 127.0.0.1, a loopback address, which the Archive does not connect to", (string)attempt["error"]!);
        Assert.Empty(receiver.Received);
        Assert.Equal(0, receiver.BadSignatures);
    }
}
