using Archive.Content.Search;
using CsCheck;

namespace Archive.Tests.Search;

public class when_reading_a_search_box
{
    static string Forms(string word) => "(" + string.Join(" | ", DutchInflection.Variants(word).Where(v => !v.EndsWith("'s")).Select(Diacritics.Fold).Distinct().Order(StringComparer.Ordinal).Select(v => $"'{v.Replace("'", "''")}'")) + ")";

    [Fact]
    public void a_word_stands_for_all_its_forms() =>
        Assert.Equal(Forms("motie"), SearchQuery.Parse("Motie").ToTsQuery());

    [Fact]
    public void words_are_all_required() =>
        Assert.Equal($"{Forms("motie")} & {Forms("mercosur")}", SearchQuery.Parse("motie  Mercosur").ToTsQuery());

    [Fact]
    public void quoted_words_are_a_phrase() =>
        Assert.Equal($"({Forms("vraag")} <-> {Forms("7")})", SearchQuery.Parse("\"vraag 7\"").ToTsQuery());

    [Fact]
    public void or_makes_alternatives() =>
        Assert.Equal($"({Forms("motie")} | {Forms("amendement")})", SearchQuery.Parse("motie OR amendement").ToTsQuery());

    [Fact]
    public void a_minus_leaves_a_word_or_phrase_out()
    {
        Assert.Equal($"{Forms("motie")} & !{Forms("vervallen")}", SearchQuery.Parse("motie -vervallen").ToTsQuery());
        Assert.Equal($"!({Forms("vraag")} <-> {Forms("7")}) & {Forms("brief")}", SearchQuery.Parse("-\"vraag 7\" brief").ToTsQuery());
    }

    [Fact]
    public void an_unclosed_quote_runs_to_the_end() =>
        Assert.Equal($"{Forms("brief")} & ({Forms("vraag")} <-> {Forms("7")})", SearchQuery.Parse("brief \"vraag 7").ToTsQuery());

    [Fact]
    public void a_plural_in_apostrophe_s_is_searched_as_the_word_before_it_and_other_apostrophes_are_escaped()
    {
        var query = SearchQuery.Parse("agenda's").ToTsQuery()!;
        Assert.DoesNotContain("'s'", query);
        Assert.Contains("'agenda'", query);
        Assert.Contains("'d''hondt'", SearchQuery.Parse("d'Hondt").ToTsQuery());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-motie")]
    [InlineData("or")]
    [InlineData("& | ! ( ) : <")]
    [InlineData("2026D04632")]
    public void nothing_to_look_for_is_null(string input) => Assert.Null(SearchQuery.Parse(input).ToTsQuery());

    [Fact]
    public void document_and_dossier_numbers_are_taken_out_as_numbers()
    {
        var query = SearchQuery.Parse("2026d04632 36180-196 36180 mercosur");
        Assert.Equal(
            [new NumberReference(NumberKind.Document, "2026D04632", null), new NumberReference(NumberKind.Dossier, "36180", 196), new NumberReference(NumberKind.Dossier, "36180", null)],
            query.Numbers);
        Assert.Equal(Forms("mercosur"), query.ToTsQuery());
        Assert.Equal(["mercosur"], query.Words);
    }

    [Fact]
    public void a_hyphenated_word_is_a_phrase_of_its_parts() =>
        Assert.Equal($"({Forms("zuidoost")} <-> {Forms("azië")})", SearchQuery.Parse("Zuidoost-Azië").ToTsQuery());

    [Fact]
    public void leading_and_trailing_or_and_stray_minus_are_ignored() =>
        Assert.Equal(Forms("motie"), SearchQuery.Parse("or motie or - ").ToTsQuery());

    [Fact]
    public void no_input_gives_a_malformed_query() =>
        Gen.String.Sample(input =>
        {
            var query = SearchQuery.Parse(input).ToTsQuery();
            if (query is null) return true;
            var outside = string.Concat(query.Split('\'').Where((_, i) => i % 2 == 0));   // doubled quotes leave empty literals between
            return query.Count(c => c == '\'') % 2 == 0
                   && outside.Count(c => c == '(') == outside.Count(c => c == ')')
                   && outside.All(c => "()|&!<-> ".Contains(c));
        }, iter: 20_000);
}
