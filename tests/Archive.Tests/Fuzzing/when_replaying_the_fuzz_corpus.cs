using Archive.Fuzz;
using CsCheck;

namespace Archive.Tests.Fuzzing;

/// <summary>
/// The inputs the fuzzer (scripts/fuzz) kept — each one crashed a parser or took it over a second
/// before the fix — run again on every test run, and each target fuzzed briefly, so the harness
/// and its promises stay alive between fuzz runs. A target whose only inputs to start from are real
/// files (../shared/fixtures) is run only where they are there.
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

    [Theory, MemberData(nameof(Kept))]
    public void a_kept_input_is_answered_with_a_value_or_a_reason(string target, string file) =>
        FuzzTargets.Named(target).Run(File.ReadAllBytes(Path.Combine(Corpus, target, file)));

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
    public void every_target_has_a_short_run() =>
        Assert.Equal(FuzzTargets.All.Select(t => t.Name).Order(),
            typeof(when_replaying_the_fuzz_corpus).GetMethod(nameof(a_short_fuzz_run_finds_nothing))!
                .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>().Select(a => (string)a.GetData(null!).First()[0]).Order());
}
