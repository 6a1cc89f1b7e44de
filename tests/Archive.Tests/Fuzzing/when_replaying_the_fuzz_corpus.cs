using Archive.Fuzz;
using CsCheck;

namespace Archive.Tests.Fuzzing;

/// <summary>
/// The inputs the fuzzer (scripts/fuzz) kept — each one crashed a parser or took it over a second
/// before the fix — run again on every test run, and each target fuzzed briefly, so the harness
/// and its promises stay alive between fuzz runs. An input made from a real file is kept as a delta
/// against it (<see cref="KeptInput"/>) and replayed where ../shared/fixtures is there; so is a
/// target whose only inputs to start from are real files.
/// </summary>
public class when_replaying_the_fuzz_corpus
{
    static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz");

    public static TheoryData<string, string> Kept()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Directory.GetDirectories(Corpus))
            foreach (var file in Directory.GetFiles(folder))
                data.Add(Path.GetFileName(folder), Path.GetFileName(file));
        return data;
    }

    [SkippableTheory, MemberData(nameof(Kept))]
    public void a_kept_input_is_answered_with_a_value_or_a_reason(string target, string file)
    {
        Skip.If(file.EndsWith(".delta", StringComparison.Ordinal) && Fuzz.SharedFixtures.Folder is null, Fuzz.SharedFixtures.Reason());
        var input = KeptInput.Read(Path.Combine(Corpus, target, file));
        // A delta is named, as every kept input, by the hash of the input it stands for: the real files it is made from are unchanged.
        if (file.EndsWith(".delta", StringComparison.Ordinal))
            Assert.Equal(Path.GetFileNameWithoutExtension(file).Split('-')[1], Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(input))[..16]);
        FuzzTargets.Named(target).Run(input);
    }

    [SkippableTheory]
    [InlineData("opentk-page", 300)]
    [InlineData("syncfeed", 1_000)]
    [InlineData("docx", 500)]
    [InlineData("pdf", 100)]
    [InlineData("html", 300)]
    [InlineData("doc-output", 1_000)]
    [InlineData("doc", 20)]
    [InlineData("search-query", 1_000)]
    [InlineData("as-of", 2_000)]
    public void a_short_fuzz_run_finds_nothing(string target, int executions)
    {
        var fuzz = FuzzTargets.Named(target);
        Skip.If(fuzz.Seeds().Count == 0, Fuzz.SharedFixtures.Reason());
        Mutations.Of(fuzz).Sample(fuzz.Run, iter: executions, threads: 1);
    }

    [Fact]
    public void an_input_made_from_a_real_file_is_kept_as_a_delta_that_rebuilds_it_exactly()
    {
        var random = new Random(7);
        var (pdf, docx) = (new byte[20_000], new byte[18_000]);
        random.NextBytes(pdf);
        random.NextBytes(docx);
        (string, byte[])[] real = [("real/files/a.pdf", pdf), ("real/files/b.docx", docx)];
        // Edits as the fuzzer makes them: a word spliced in, a byte changed, a run of 100,000 of one character, two inputs crossed.
        byte[] input = [.. "endstream"u8, .. pdf[..5000], 0xff, .. pdf[5001..9000], .. Enumerable.Repeat((byte)'D', 100_000), .. docx[100..1100], .. pdf[9000..]];

        var delta = KeptInput.Delta(input, real);

        Assert.NotNull(delta);
        Assert.True(delta.Length < 1_000, delta);
        Assert.Equal(input, KeptInput.Rebuild(delta, name => real.Single(f => f.Item1 == name).Item2));
    }

    [Fact]
    public void an_input_not_made_from_a_real_file_is_kept_as_its_bytes()
    {
        var random = new Random(7);
        var (real, ours) = (new byte[20_000], new byte[20_000]);
        random.NextBytes(real);
        random.NextBytes(ours);

        Assert.Null(KeptInput.Delta([.. ours, .. real[..200]], [("real/files/a.pdf", real)]));
    }

    [Fact]
    public void every_target_has_a_short_run() =>
        Assert.Equal(FuzzTargets.All.Select(t => t.Name).Order(),
            typeof(when_replaying_the_fuzz_corpus).GetMethod(nameof(a_short_fuzz_run_finds_nothing))!
                .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>().Select(a => (string)a.GetData(null!).First()[0]).Order());
}
