using System.Text.RegularExpressions;
using Archive.Content.Search;

namespace Archive.Tests.Search;

/// <summary>Where a snippet is cut: the first place the words searched for stand in the text, as whole words, with or without accents.</summary>
public class when_cutting_a_snippet
{
    /// <summary>The pattern is PostgreSQL's (\m, \M: start and end of a word); .NET reads it the same once those are spelled its way.</summary>
    static int FirstPlace(string query, string text)
    {
        var pattern = SearchQuery.Parse(query).SnippetPattern()!.Replace(@"\m", @"\b(?=\w)").Replace(@"\M", @"\b(?<=\w)");
        var match = Regex.Match(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return match.Success ? match.Index : -1;
    }

    [Fact]
    public void a_word_is_found_whole_not_inside_a_longer_one() =>
        Assert.Equal("Een emotie, een promotie; ".Length, FirstPlace("motie", "Een emotie, een promotie; Motie van het lid"));

    [Fact]
    public void any_form_of_the_word_is_found() =>
        Assert.Equal("De ".Length, FirstPlace("motie", "De moties en de motie"));

    [Fact]
    public void a_word_typed_without_accents_finds_it_written_with_them() =>
        Assert.Equal("Het ".Length, FirstPlace("financiele", "Het financiële beeld"));

    [Fact]
    public void a_phrase_is_found_where_its_words_follow_each_other_even_across_a_line() =>
        Assert.Equal("de minister en toen ".Length, FirstPlace("\"de staatssecretaris\"", "de minister en toen de\nstaatssecretaris"));

    [Fact]
    public void the_first_of_alternatives_found_counts_and_left_out_words_do_not() =>
        Assert.Equal("de twee ".Length, FirstPlace("motie or brieven -de", "de twee brieven en een motie"));

    [Fact]
    public void a_word_with_characters_a_pattern_reads_as_syntax_is_taken_literally()
    {
        Assert.NotNull(SearchQuery.Parse("a.b* (c)").SnippetPattern());
        Assert.Equal(-1, FirstPlace("a.b*", "axb"));
    }

    [Fact]
    public void nothing_to_look_for_is_no_pattern() =>
        Assert.Null(SearchQuery.Parse("-motie").SnippetPattern());
}
