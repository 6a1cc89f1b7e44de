using System.Text;
using Archive.Content.Diffing;
using Archive.Content.OpenTk;

namespace Archive.Benchmarks;

/// <summary>The texts the diff benchmarks compare: the fixture pair, and a generated 5 MB pair with 1 % of its words changed.</summary>
public static class DiffPair
{
    public static string Root { get; } = FindRoot();

    public static (string Old, string New) Fixture() =>
        (Body("2026D04632-v1.txt"), Body("2026D04632-v2.txt"));

    /// <summary>The fixture's paragraphs, shuffled and repeated to about 5 MB; then 1 % of the words replaced, scattered.</summary>
    public static (string Old, string New) Large(int bytes = 5_000_000, double changed = 0.01, int seed = 2026)
    {
        var paragraphs = Tokens.Lines(Body("2026D04632-v1.txt")).Where(l => l.Trim().Length > 0).ToArray();
        var random = new Random(seed);
        var old = new StringBuilder(bytes + 10_000);
        while (old.Length < bytes) old.Append(paragraphs[random.Next(paragraphs.Length)]).Append('\n');
        var words = Tokens.Words(old.ToString());
        var vocabulary = words.Where(w => char.IsLetter(w[0])).Distinct().ToArray();
        for (var i = 0; i < words.Length; i++)
            if (char.IsLetter(words[i][0]) && random.NextDouble() < changed) words[i] = vocabulary[random.Next(vocabulary.Length)];
        return (old.ToString(), string.Concat(words));
    }

    static string Body(string file) => OpenTkPageParser.Parse(File.ReadAllText(Path.Combine(Root, "samples", file))).Value!.Body;

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Archive.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
