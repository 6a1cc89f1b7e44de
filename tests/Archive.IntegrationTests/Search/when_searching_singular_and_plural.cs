using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Search;

/// <summary>
/// For every pair of the gold list, one document has only the singular and another only the
/// plural; for every pair of the not-related list, one document has each word. Nothing else in
/// their text or title names a word of either list.
/// </summary>
public sealed class OneDocumentPerWordForm : ArchiveHost
{
    public static IReadOnlyList<(string A, string B)> Pairs(string file) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "search", file))
            .Where(line => !string.IsNullOrWhiteSpace(line) && !line.StartsWith('#'))
            .Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
            .Select(parts => (parts[0], parts[1]))
            .ToList();

    public static readonly IReadOnlyList<(string Singular, string Plural)> Gold = Pairs("plural-gold-list.tsv");
    public static readonly IReadOnlyList<(string A, string B)> Unrelated = Pairs("not-related.tsv");

    /// <summary>The document that holds <paramref name="word"/>, one number per word form.</summary>
    public readonly Dictionary<string, string> NumberOf = new(StringComparer.OrdinalIgnoreCase);

    protected override async Task Seed()
    {
        var words = Gold.SelectMany(p => new[] { p.Singular, p.Plural }).Concat(Unrelated.SelectMany(p => new[] { p.A, p.B }))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var files = new List<(string, byte[])>();
        foreach (var (word, i) in words.Select((w, i) => (w, i)))
        {
            var number = $"2030D{i:00000}";
            NumberOf[word] = number;
            files.Add(($"{number}.txt", System.Text.Encoding.UTF8.GetBytes(Page(number, word))));
        }
        foreach (var batch in files.Chunk(50)) await ImportFiles(200, batch);
    }

    static string Page(string number, string word) => $"""
        [overzicht]

        Proef {number}

        Proeftekst

        Nummer: {number}, datum: 2030-01-01, bijgewerkt: 2030-01-01 10:00, versie: 1

        Preview document (🔗 origineel)

        {word}
        """;
}

[Collection(ArchiveCollection.Name)]
public class when_searching_singular_and_plural(OneDocumentPerWordForm archive) : IClassFixture<OneDocumentPerWordForm>
{
    async Task<HashSet<string>> Found(string word) =>
        (await archive.GetJson("/api/search?limit=100&q=" + Uri.EscapeDataString(word)))["results"]!.AsArray()
            .Select(r => (string)r!["number"]!).ToHashSet();

    [Fact]
    public void the_gold_list_has_at_least_fifty_pairs() => Assert.True(OneDocumentPerWordForm.Gold.Count >= 50, $"{OneDocumentPerWordForm.Gold.Count} pairs");

    [Fact]
    public async Task the_singular_finds_the_plural_and_the_plural_the_singular_for_every_gold_pair()
    {
        var misses = new List<string>();
        foreach (var (singular, plural) in OneDocumentPerWordForm.Gold)
        {
            var (withSingular, withPlural) = (archive.NumberOf[singular], archive.NumberOf[plural]);
            var bySingular = await Found(singular);
            var byPlural = await Found(plural);
            if (!bySingular.Contains(withPlural)) misses.Add($"'{singular}' does not find '{plural}'");
            if (!byPlural.Contains(withSingular)) misses.Add($"'{plural}' does not find '{singular}'");
            if (!bySingular.Contains(withSingular) || !byPlural.Contains(withPlural)) misses.Add($"'{singular}'/'{plural}' does not find itself");
        }
        Assert.True(misses.Count == 0, string.Join("\n", misses));
    }

    [Fact]
    public async Task words_that_only_look_alike_do_not_find_each_other()
    {
        var merged = new List<string>();
        foreach (var (a, b) in OneDocumentPerWordForm.Unrelated)
        {
            if ((await Found(a)).Contains(archive.NumberOf[b])) merged.Add($"'{a}' finds '{b}'");
            if ((await Found(b)).Contains(archive.NumberOf[a])) merged.Add($"'{b}' finds '{a}'");
        }
        Assert.True(merged.Count == 0, string.Join("\n", merged));
    }
}
