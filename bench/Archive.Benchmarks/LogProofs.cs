using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Archive.Content.Transparency;

namespace Archive.Benchmarks;

/// <summary>
/// The latency of the transparency log's proofs at the log's present size: inclusion proofs of random
/// leaves and consistency proofs from random older sizes to the latest checkpoint, one request after
/// another on one connection; the baseline in the same run is reading one leaf's record (a single
/// row by primary key). A sample of the proofs is checked against the signed root, so a fast wrong
/// answer cannot pass.
/// </summary>
public static class LogProofs
{
    const int WarmUp = 100;

    public static async Task RunAsync(string archive, string verifierKey, int requests)
    {
        using var http = new HttpClient { BaseAddress = new Uri(archive) };
        var note = await http.GetStringAsync("/log/checkpoint");
        var checkpoint = Checkpoint.Parse(NoteKeys.Open(note, verifierKey, out var why) ?? throw new InvalidOperationException($"the checkpoint does not open: {why}"))!;
        var random = new Random(1);
        long Leaf() => random.NextInt64(checkpoint.Size);

        for (var i = 0; i < WarmUp; i++)
        {
            await http.GetStringAsync($"/log/proof?index={Leaf()}");
            await http.GetStringAsync($"/log/records/{Leaf()}");
        }
        var record = await Measure(requests, () => http.GetStringAsync($"/log/records/{Leaf()}"));
        var inclusion = await Measure(requests, async () =>
        {
            var index = Leaf();
            var json = JsonNode.Parse(await http.GetStringAsync($"/log/proof?index={index}"))!;
            if (index % 16 == 0)
            {
                var proof = json["proof"]!.AsArray().Select(h => Convert.FromBase64String((string)h!)).ToList();
                if (!MerkleTree.VerifyInclusion(index, checkpoint.Size, MerkleTree.LeafHash(Encoding.UTF8.GetBytes((string)json["record"]!)), proof, checkpoint.Root))
                    throw new InvalidOperationException($"the proof of leaf {index} does not check against the signed root");
            }
            return "";
        });
        var consistency = await Measure(requests, () => http.GetStringAsync($"/log/consistency?from={1 + Leaf()}&to={checkpoint.Size}"));

        Console.WriteLine($"The log at {checkpoint.Size:N0} leaves, {requests} requests each, one after another, after {WarmUp} to warm up:");
        Console.WriteLine($"  {"GET /log/records/{i} (baseline)",-36}: p50 {record.P50,6:F2} ms, p99 {record.P99,6:F2} ms");
        Console.WriteLine($"  {"GET /log/proof?index= (inclusion)",-36}: p50 {inclusion.P50,6:F2} ms, p99 {inclusion.P99,6:F2} ms  ({inclusion.P99 / record.P99:F2}x the baseline's p99)");
        Console.WriteLine($"  {"GET /log/consistency?from=&to=",-36}: p50 {consistency.P50,6:F2} ms, p99 {consistency.P99,6:F2} ms  ({consistency.P99 / record.P99:F2}x)");
    }

    static async Task<(double P50, double P99)> Measure(int count, Func<Task<string>> request)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await request();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[count / 2], times[(int)(count * 0.99)]);
    }
}
