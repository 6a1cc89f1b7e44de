using Archive.Benchmarks;
using BenchmarkDotNet.Running;

// `--write-pairs <folder>` writes the compared texts as files, so that other tools (git diff) can be timed on the very same input.
if (args is ["--write-pairs", var folder])
{
    Directory.CreateDirectory(folder);
    var (fixtureOld, fixtureNew) = DiffPair.Fixture();
    var (largeOld, largeNew) = DiffPair.Large();
    File.WriteAllText(Path.Combine(folder, "fixture-old.txt"), fixtureOld);
    File.WriteAllText(Path.Combine(folder, "fixture-new.txt"), fixtureNew);
    File.WriteAllText(Path.Combine(folder, "large-old.txt"), largeOld);
    File.WriteAllText(Path.Combine(folder, "large-new.txt"), largeNew);
    Console.WriteLine($"wrote the fixture pair and a {largeOld.Length / 1_000_000.0:F1} MB pair to {folder}");
    return 0;
}
if (args is ["--feed-latency", var archive, var key, var imports, var rate, .. var rest])
{
    await FeedLatency.RunAsync(archive, key, int.Parse(imports), int.Parse(rate), rest is [var dossiers, ..] ? int.Parse(dossiers) : 1,
        rest is [_, var follows, ..] ? int.Parse(follows) : 0, rest is [_, _, var warmup] ? int.Parse(warmup) : 10);
    return 0;
}
if (args is ["--idle-streams", var url, var apiKey, var streams])
{
    await IdleStreams.RunAsync(url, apiKey, int.Parse(streams));
    return 0;
}
if (args is ["--log-proofs", var logUrl, var verifierKey, var requests])
{
    await LogProofs.RunAsync(logUrl, verifierKey, int.Parse(requests));
    return 0;
}
if (args is ["--serve-feed", var count])
{
    await GeneratedFeed.ServeAsync(int.Parse(count));
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(DiffBenchmarks).Assembly).Run(args);
return 0;
