using Archive.Content.Search;

namespace Archive.Tests.Search;

/// <summary>The gold list of Dutch parliamentary nouns, and words that only look alike, against the inflection rules alone.</summary>
public class when_expanding_singular_and_plural
{
    static IEnumerable<object[]> Pairs(string file) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "search", file))
            .Where(line => !string.IsNullOrWhiteSpace(line) && !line.StartsWith('#'))
            .Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
            .Select(parts => new object[] { parts[0], parts[1] });

    public static IEnumerable<object[]> Gold => Pairs("plural-gold-list.tsv");
    public static IEnumerable<object[]> Unrelated => Pairs("not-related.tsv");

    [Fact]
    public void the_gold_list_has_at_least_fifty_pairs() => Assert.True(Gold.Count() >= 50);

    [Theory, MemberData(nameof(Gold))]
    public void the_singular_stands_for_the_plural_and_back(string singular, string plural)
    {
        Assert.Contains(plural.ToLowerInvariant(), DutchInflection.Variants(singular));
        Assert.Contains(singular.ToLowerInvariant(), DutchInflection.Variants(plural));
    }

    [Theory, MemberData(nameof(Unrelated))]
    public void words_that_only_look_alike_share_no_form(string a, string b) =>
        Assert.Empty(DutchInflection.Variants(a).Intersect(DutchInflection.Variants(b)));

    [Theory]
    [InlineData("2026")]
    [InlineData("a1b2")]
    [InlineData("")]
    public void numbers_and_words_with_digits_stand_for_themselves(string word) =>
        Assert.Equal([word], DutchInflection.Variants(word));

    [Fact]
    public void a_word_is_lower_cased_and_composed() =>
        Assert.Contains("financiële", DutchInflection.Variants("FINANCIE\u0308LE"));
}
