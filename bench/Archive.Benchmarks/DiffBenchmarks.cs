using Archive.Content.Diffing;
using BenchmarkDotNet.Attributes;
using DiffPlex;

namespace Archive.Benchmarks;

/// <summary>
/// The word diff (paragraphs, then words inside changed paragraphs), against DiffPlex's plain
/// line diff of the same texts as the baseline: the ratio is what word-level precision costs.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class DiffBenchmarks
{
    string _old = "", _new = "";

    [Params("fixture", "5MB-1%")]
    public string Pair { get; set; } = "fixture";

    [GlobalSetup]
    public void Setup() => (_old, _new) = Pair == "fixture" ? DiffPair.Fixture() : DiffPair.Large();

    [Benchmark(Baseline = true)]
    public int DiffPlexLineDiff() => Differ.Instance.CreateLineDiffs(_old, _new, ignoreWhitespace: false).DiffBlocks.Count;

    [Benchmark]
    public int WordDiff() => TextDiffer.Compare(_old, _new).Rows.Count;

    [Benchmark]
    public int WordDiffAndUnifiedPatch() => UnifiedPatch.Write(TextDiffer.Compare(_old, _new), "a", "b").Length;
}
