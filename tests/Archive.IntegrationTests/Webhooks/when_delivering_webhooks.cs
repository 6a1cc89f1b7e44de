using System.Text.Json.Nodes;
using Alba;
using Microsoft.AspNetCore.Hosting;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Webhooks;

public sealed class WebhookHost : ArchiveHost
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Archive:Webhooks:AllowLoopback", "true");
        builder.UseSetting("Archive:Webhooks:PollMilliseconds", "100");
        for (var k = 0; k < 4; k++) builder.UseSetting($"Archive:Webhooks:RetrySeconds:{k}", "1");
    }
}

[Collection(ArchiveCollection.Name)]
public class when_delivering_webhooks(WebhookHost archive) : IClassFixture<WebhookHost>
{
    async Task<JsonNode> Subscribe(string url, object? filter = null, int expect = 201) =>
        await (await archive.Post("/api/subscriptions", new { url, filter }, expect)).ReadJson();

    async Task Import(string number) => await archive.Import(Fixtures.V1.Replace("2026D04632", number), expect: 201);

    [Fact]
    public async Task every_change_arrives_signed_and_in_order_even_after_the_receiver_was_down()
    {
        await using var receiver = await Receiver.StartAsync();
        var subscription = await Subscribe(receiver.Url);
        receiver.Secret = (string)subscription["secret"]!;
        Assert.StartsWith("whsec_", receiver.Secret);

        for (var n = 0; n < 3; n++) await Import($"2026D4000{n}");
        await receiver.WaitFor(() => receiver.Received.Count >= 3, "the first three changes");

        receiver.DownWith = 503;
        for (var n = 3; n < 6; n++) await Import($"2026D4000{n}");
        await receiver.WaitFor(() => receiver.Refused >= 3, "three refused deliveries");
        receiver.DownWith = 0;
        await receiver.WaitFor(() => receiver.Received.Distinct().Count() >= 6, "every change after the receiver came back");

        var received = receiver.Received.Distinct().ToList();
        Assert.Equal(received.Order(), received);
        Assert.Equal(0, receiver.BadSignatures);
        var log = (await (await archive.Host.Scenario(s =>
        {
            s.Get.Url($"/api/subscriptions/{subscription["id"]}/deliveries");
            s.WithRequestHeader("Authorization", $"Bearer {ArchiveHost.ApiKey}");
        })).ReadJson()).AsArray();
        Assert.Contains(log, d => (int?)d!["status"] == 503 && !(bool)d["delivered"]!);
        Assert.Equal(6, log.Count(d => (bool)d!["delivered"]!));
    }

    [Fact]
    public async Task a_410_disables_the_subscription()
    {
        await using var receiver = await Receiver.StartAsync();
        var subscription = await Subscribe(receiver.Url, new { document = "2026D40100" });
        receiver.Secret = (string)subscription["secret"]!;
        receiver.DownWith = 410;
        await Import("2026D40100");
        await receiver.WaitFor(() => receiver.Refused >= 1, "the 410");
        await receiver.WaitFor(() => Disabled((string)subscription["id"]!).GetAwaiter().GetResult(), "the subscription to be disabled");
    }

    async Task<bool> Disabled(string id)
    {
        var all = await (await archive.Host.Scenario(s =>
        {
            s.Get.Url("/api/subscriptions");
            s.WithRequestHeader("Authorization", $"Bearer {ArchiveHost.ApiKey}");
        })).ReadJson();
        return all.AsArray().Any(s => (string)s!["id"]! == id && (string?)s["disabledReason"] == "the receiver answered 410 Gone");
    }

    [Theory]
    [InlineData("hook", "not an absolute http(s) URL")]
    [InlineData("ftp://example.org/hook", "not an absolute http(s) URL")]
    [InlineData("http://10.1.2.3/hook", "a private address")]
    [InlineData("http://192.168.1.10/hook", "a private address")]
    [InlineData("http://169.254.169.254/latest", "a link-local address")]
    [InlineData("http://[fe80::1]/hook", "a link-local address")]
    public async Task a_target_that_is_not_public_is_refused(string url, string reason) =>
        Assert.Contains(reason, (string)(await Subscribe(url, expect: 400))["detail"]!);

    [Fact]
    public async Task subscriptions_need_the_api_key_and_unknown_ones_are_404s()
    {
        await archive.Host.Scenario(s =>
        {
            s.Get.Url("/api/subscriptions");
            s.StatusCodeShouldBe(401);
        });
        await archive.Host.Scenario(s =>
        {
            s.Get.Url("/api/subscriptions/sub_nothing/deliveries");
            s.WithRequestHeader("Authorization", $"Bearer {ArchiveHost.ApiKey}");
            s.StatusCodeShouldBe(404);
        });
    }
}
