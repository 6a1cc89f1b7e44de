using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Archive.IntegrationTests.CommandLine;
using Archive.IntegrationTests.Infrastructure;
using Archive.IntegrationTests.Webhooks;
using Xunit.Abstractions;

namespace Archive.IntegrationTests.ChangeFeed;

/// <summary>
/// Two Archive processes on one PostgreSQL in HotCold mode: the first runs the change feed's
/// fan-out, the second stands by. Both import; the first is killed; the second takes over, and
/// the feed and a webhook receiver hold every change, once and in order.
/// </summary>
[Collection(ArchiveCollection.Name)]
public class when_the_node_running_the_feed_dies(ITestOutputHelper output)
{
    const string Key = "hotcold-test-key";

    [Fact]
    public async Task the_other_node_takes_over_and_no_change_is_lost_or_repeated()
    {
        var database = TestCluster.NewDatabase();
        await using var receiver = await Receiver.StartAsync();
        using var first = await Node(database);
        using var http1 = Client(first.Url);
        var subscription = JsonNode.Parse(await (await http1.PostAsync("/api/subscriptions",
            new StringContent($$"""{"url":"{{receiver.Url}}"}""", Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync())!;
        receiver.Secret = (string)subscription["secret"]!;
        // Alone, the first node takes the daemon's lock; the second, started after, stands by.
        await Import(http1, 0);
        await Until(async () => (await Feed(http1)).Count == 1, "the first change on the first node's feed");

        using var second = await Node(database);
        using var http2 = Client(second.Url);
        for (var n = 1; n < 10; n++) await Import(n % 2 == 0 ? http1 : http2, n);
        await Until(async () => (await Feed(http2)).Count == 10, "ten changes, imported through both nodes");

        first.Process.Kill(entireProcessTree: true);
        var killed = Stopwatch.StartNew();
        for (var n = 10; n < 20; n++) await Import(http2, n);
        await Until(async () => (await Feed(http2)).Count > 10, "a change after the kill");
        output.WriteLine($"The second node published the first change after the kill {killed.ElapsedMilliseconds} ms after it");
        await Until(async () => (await Feed(http2)).Count == 20, "all twenty changes");

        var feed = await Feed(http2);
        Assert.Equal(Enumerable.Range(0, 20).Select(Number), feed.Select(c => c.Subject).Order());
        Assert.Equal(feed.Select(c => c.Id).Order(), feed.Select(c => c.Id));
        Assert.Equal(20, feed.Select(c => c.Id).Distinct().Count());

        await receiver.WaitFor(() => receiver.Received.Distinct().Count() >= 20, "every change at the webhook receiver");
        var received = receiver.Received.ToList();
        output.WriteLine($"The receiver got {received.Count} deliveries for 20 changes");
        Assert.Equal(feed.Select(c => c.Id), received.Distinct());
        Assert.Equal(received.Order(), received);
        Assert.Equal(0, receiver.BadSignatures);
    }

    static string Number(int n) => $"2026D46{n:D3}";

    static async Task Import(HttpClient http, int n)
    {
        var response = await http.PostAsync("/api/imports", new StringContent(Fixtures.V1.Replace("2026D04632", Number(n)), Encoding.UTF8, "text/plain"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    static async Task<List<(long Id, string Subject)>> Feed(HttpClient http)
    {
        var page = JsonNode.Parse(await http.GetStringAsync("/api/changes?after=0&limit=1000"))!.AsArray();
        return page.Select(c => (long.Parse((string)c!["id"]!), (string)c["subject"]!)).ToList();
    }

    static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"waited 90 s for {what}");
            await Task.Delay(100);   // another process: there is nothing in this one to wait on
        }
    }

    static HttpClient Client(string url)
    {
        var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return http;
    }

    sealed record RunningNode(Process Process, string Url) : IDisposable
    {
        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
            Process.Dispose();
        }
    }

    static async Task<RunningNode> Node(string database)
    {
        var process = ArchiveCli.Start(database, ["--urls", "http://127.0.0.1:0"], new()
        {
            ["Archive__ApiKey"] = Key,
            ["Archive__DaemonMode"] = "HotCold",
            ["Archive__Webhooks__AllowLoopback"] = "true",
            ["Archive__Webhooks__RetrySeconds__0"] = "1",
            ["Archive__Webhooks__RetrySeconds__1"] = "1",
            ["Archive__Webhooks__RetrySeconds__2"] = "1",
        });
        return new RunningNode(process, await ArchiveCli.ListeningAddress(process));
    }
}
