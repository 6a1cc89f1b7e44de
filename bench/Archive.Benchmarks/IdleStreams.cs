using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Archive.Benchmarks;

/// <summary>
/// What idle change streams cost ordinary readers: the latency of GET /api/documents/{nr} with no
/// stream open, then with N idle SSE streams open (from ten loopback addresses, as ten clients), in one run.
/// </summary>
public static class IdleStreams
{
    const string Number = "2026D04632";
    const int Clients = 10, WarmUp = 200, Measured = 500;

    public static async Task RunAsync(string archive, string apiKey, int streams)
    {
        using var http = new HttpClient { BaseAddress = new Uri(archive) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var page = File.ReadAllText(Path.Combine(DiffPair.Root, "samples", $"{Number}-v1.txt"));
        (await http.PostAsync("/api/imports", new StringContent(page, Encoding.UTF8, "text/plain"))).EnsureSuccessStatusCode();

        var quiet = await MeasureAsync(http);
        var clients = Enumerable.Range(0, Clients).Select(n => From($"127.0.0.{10 + n}", archive)).ToList();
        var open = await Task.WhenAll(Enumerable.Range(0, streams).Select(n => OpenAsync(clients[n % Clients])));
        await Task.Delay(TimeSpan.FromSeconds(3));   // let whatever the streams cost settle in
        var busy = await MeasureAsync(http);

        Console.WriteLine($"GET /api/documents/{Number}, {Measured} requests one after another on one connection, after {WarmUp} to warm up:");
        Console.WriteLine($"  {"0 idle streams",-18}: p50 {quiet.P50,7:F2} ms, p99 {quiet.P99,7:F2} ms");
        Console.WriteLine($"  {$"{open.Count(s => s is not null)} idle streams",-18}: p50 {busy.P50,7:F2} ms, p99 {busy.P99,7:F2} ms" +
                          (open.Any(s => s is null) ? $" ({open.Count(s => s is null)} streams refused)" : ""));
        Console.WriteLine($"  ratio             : p50 {busy.P50 / quiet.P50:F2}x, p99 {busy.P99 / quiet.P99:F2}x");
        foreach (var stream in open) stream?.Dispose();
        foreach (var client in clients) client.Dispose();
    }

    static async Task<(double P50, double P99)> MeasureAsync(HttpClient http)
    {
        var times = new List<double>();
        for (var n = 0; n < WarmUp + Measured; n++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync($"/api/documents/{Number}");
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            if (n >= WarmUp) times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.99)]);
    }

    /// <summary>A stream that has sent its first line, or null when the Archive refused it.</summary>
    static async Task<StreamReader?> OpenAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/changes/stream", HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK) return null;
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        await reader.ReadLineAsync();
        return reader;
    }

    /// <summary>A client whose connections come from <paramref name="address"/> (any 127.x.y.z reaches loopback).</summary>
    static HttpClient From(string address, string archive) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = new Uri(archive), Timeout = Timeout.InfiniteTimeSpan };
}
