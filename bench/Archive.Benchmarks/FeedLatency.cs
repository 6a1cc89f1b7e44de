using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Archive.Benchmarks;

/// <summary>
/// Import → delivered latency against a running Archive: imports at a steady rate, and measures
/// when each new document reaches a webhook receiver on loopback and an SSE client.
/// </summary>
public static class FeedLatency
{
    public static async Task RunAsync(string archive, string apiKey, int count, int perSecond, int dossiers = 1, int follows = 0, int warmupSeconds = 10)
    {
        var template = File.ReadAllText(Path.Combine(DiffPair.Root, "samples", "2026D04632-v1.txt"));
        var (sent, answered) = (new ConcurrentDictionary<string, long>(), new ConcurrentDictionary<string, long>());
        var (webhook, sse) = (new ConcurrentDictionary<string, long>(), new ConcurrentDictionary<string, long>());
        var clock = Stopwatch.StartNew();
        var run = Guid.NewGuid().ToString("N")[..8];

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = builder.Build();
        receiver.MapPost("/hook", async (HttpRequest r) =>
        {
            var subject = (string?)JsonNode.Parse(await new StreamReader(r.Body).ReadToEndAsync())!["subject"];
            if (subject is not null) webhook.TryAdd(subject, clock.ElapsedTicks);
            return Results.NoContent();
        });
        await receiver.StartAsync();

        using var http = new HttpClient { BaseAddress = new Uri(archive), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var subscribe = await http.PostAsync("/api/subscriptions", new StringContent($$"""{"url":"{{receiver.Urls.First()}}/hook"}""", Encoding.UTF8, "application/json"));
        subscribe.EnsureSuccessStatusCode();

        using var stop = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            using var stream = new StreamReader(await http.GetStreamAsync("/api/changes/stream?after=0", stop.Token));
            while (await stream.ReadLineAsync(stop.Token) is { } line)
                if (line.StartsWith("data: ") && Regex.Match(line, "\"subject\":\"([^\"]+)\"") is { Success: true } m) sse.TryAdd(m.Groups[1].Value, clock.ElapsedTicks);
        });

        // Warm up first (the first imports pay for JIT and Wolverine's code generation), and wait until the warm-up has come through.
        for (var n = 0; n < Warmup; n++)
            (await http.PostAsync("/api/imports", new StringContent(Page(template, $"2095D{n:D5}", run), Encoding.UTF8, "text/plain"))).EnsureSuccessStatusCode();
        var warm = clock.Elapsed + TimeSpan.FromSeconds(60);
        while ((webhook.Count < Warmup || sse.Count < Warmup) && clock.Elapsed < warm) await Task.Delay(50);

        // Follows, for what matching them costs the feed: a quarter each follow a search every import matches, a search none
        // matches, the sample's dossier and its zaak (made after the warm-up, as they must name what exists).
        for (var n = 0; n < follows; n++)
        {
            var follow = (n % 4) switch { 0 => """{"q":"welvarend"}""", 1 => $$"""{"q":"kwartelkoning{{n}}"}""", 2 => """{"dossier":"36180"}""", _ => """{"zaak":"2026Z02003"}""" };
            (await http.PostAsync("/api/follows", new StringContent(follow, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }

        // Then at the rate itself for a while, untimed, so that the timed imports meet a server in its steady state (its
        // connection pools filled and PostgreSQL's caches warm; with DOTNET_TieredCompilation=1, the runtime recompiles
        // the hot paths during the first tens of seconds under load), and wait until those have come through too. WARMUP_SECONDS=0 measures from the first imports at rate, as the earlier runs did.
        var warmup = perSecond * warmupSeconds;
        await AtRateAsync("2097D", warmup, new ConcurrentDictionary<string, long>(), new ConcurrentDictionary<string, long>());
        warm = clock.Elapsed + TimeSpan.FromSeconds(120);
        while ((webhook.Count < Warmup + warmup || sse.Count < Warmup + warmup) && clock.Elapsed < warm) await Task.Delay(50);

        await AtRateAsync("2096D", count, sent, answered);
        var deadline = clock.Elapsed + TimeSpan.FromSeconds(60);
        while ((webhook.Count(w => sent.ContainsKey(w.Key)) < count || sse.Count(s => sent.ContainsKey(s.Key)) < count) && clock.Elapsed < deadline)
            await Task.Delay(100);
        stop.Cancel();

        Console.WriteLine($"{count} imports at {perSecond}/s into {dossiers} dossier(s), {follows} follows, after {warmupSeconds} s at that rate untimed, against {archive}:");
        // How long the import itself took: the rest of each latency below is the feed's own.
        Report("import → answered         ", sent, answered, count);
        Report("import → webhook delivered", sent, webhook, count);
        Report("import → SSE event        ", sent, sse, count);
        await receiver.DisposeAsync();

        async Task AtRateAsync(string prefix, int imports, ConcurrentDictionary<string, long> sentAt, ConcurrentDictionary<string, long> answeredAt)
        {
            var interval = TimeSpan.FromSeconds(1.0 / perSecond);
            var start = clock.Elapsed;
            for (var n = 0; n < imports; n++)
            {
                var number = $"{prefix}{n:D5}";
                var due = start + interval * n;
                if (due - clock.Elapsed is { Ticks: > 0 } wait) await Task.Delay(wait);   // read once: the clock moves between two reads
                var page = Page(template, number, run);
                // Spread over several dossiers when asked, to tell the feed's own cost from one dossier's read model taking every import.
                if (dossiers > 1) page = page.Replace("kamerstukdossier 36180 -196", $"kamerstukdossier {90000 + n % dossiers} -196");
                sentAt[number] = clock.ElapsedTicks;
                _ = http.PostAsync("/api/imports", new StringContent(page, Encoding.UTF8, "text/plain"))
                    .ContinueWith(t => { if (t.IsCompletedSuccessfully && t.Result.IsSuccessStatusCode) answeredAt.TryAdd(number, clock.ElapsedTicks); }, TaskScheduler.Default);
            }
        }
    }

    const int Warmup = 20;

    /// <summary>A new text each run, so that every import is a new revision and a change to deliver.</summary>
    static string Page(string template, string number, string run) =>
        Regex.Replace(template, @"Nummer: \S+,", $"Nummer: {number},").Replace("Vastgesteld", $"Vastgesteld ({run})");

    static void Report(string what, ConcurrentDictionary<string, long> sent, ConcurrentDictionary<string, long> received, int count)
    {
        var latencies = sent.Where(s => received.ContainsKey(s.Key))
            .Select(s => (received[s.Key] - s.Value) * 1000.0 / Stopwatch.Frequency).Order().ToList();
        if (latencies.Count == 0) { Console.WriteLine($"  {what}: nothing arrived"); return; }
        Console.WriteLine($"  {what}: p50 {latencies[latencies.Count / 2]:F0} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F0} ms ({latencies.Count} of {count} arrived)");
    }
}
