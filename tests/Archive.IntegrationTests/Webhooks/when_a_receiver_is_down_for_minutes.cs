using System.Text.Json.Nodes;
using Alba;
using Marten.Events;
using Archive.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Archive.IntegrationTests.Webhooks;

/// <summary>Retries a few seconds apart, so that two minutes down use many of them and none is the last.</summary>
public sealed class ShortRetryHost : ArchiveHost
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Archive:Webhooks:AllowLoopback", "true");
        int[] schedule = [1, 2, 4, 8, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15];
        for (var k = 0; k < schedule.Length; k++) builder.UseSetting($"Archive:Webhooks:RetrySeconds:{k}", schedule[k].ToString());
    }
}

[Collection(ArchiveCollection.Name)]
public class when_a_receiver_is_down_for_minutes(ShortRetryHost archive) : IClassFixture<ShortRetryHost>
{
    [Fact]
    public async Task it_gets_every_change_afterwards_in_order_and_the_lag_says_how_far_behind_it_was()
    {
        await using var receiver = await Receiver.StartAsync();
        var subscription = await (await archive.Post("/api/subscriptions", new { url = receiver.Url }, 201)).ReadJson();
        receiver.Secret = (string)subscription["secret"]!;
        receiver.DownWith = 503;
        for (var n = 0; n < 10; n++) await archive.Import(Fixtures.V1.Replace("2026D04632", $"2026D4500{n}"), expect: 201);
        await archive.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var down = await Lag((string)subscription["id"]!);
        Assert.Equal(10, (long)down["backlog"]!);
        await Task.Delay(TimeSpan.FromMinutes(2));
        var refused = receiver.Refused;
        Assert.True(refused >= 5, $"the receiver was tried {refused} times in two minutes");
        Assert.False((bool)(await Lag((string)subscription["id"]!))["deadLettered"]!);

        receiver.DownWith = 0;
        await receiver.WaitFor(() => receiver.Received.Distinct().Count() >= 10, "every change after the receiver came back");
        var received = receiver.Received.ToList();
        Assert.Equal(received.Order(), received);
        Assert.Equal(10, received.Distinct().Count());
        Assert.Equal(0, receiver.BadSignatures);
        // The cursor moves when the delivering handler commits, just after the receiver has answered the batch's last change.
        var backlog = -1L;
        for (var until = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < until && backlog != 0; await Task.Delay(100))
            backlog = (long)(await Lag((string)subscription["id"]!))["backlog"]!;
        Assert.Equal(0, backlog);
    }

    [Fact]
    public async Task the_lag_shows_the_feed_published_up_to_the_high_water_mark()
    {
        await archive.Import(Fixtures.V1.Replace("2026D04632", "2026D45100"), expect: 201);
        await archive.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var lag = await archive.GetJson("/api/changes/lag");
        Assert.True((long)lag["highWaterMark"]! >= (long)lag["lastChange"]! && (long)lag["lastChange"]! > 0, lag.ToJsonString());
        Assert.Equal((long)lag["highWaterMark"]!, (long)lag["published"]!);
        Assert.Equal(0, (long)lag["behind"]!);
    }

    async Task<JsonNode> Lag(string id) =>
        (await archive.GetJson("/api/changes/lag"))["subscriptions"]!.AsArray().Single(s => (string)s!["id"]! == id)!;
}
