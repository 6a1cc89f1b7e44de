using Archive.Content.Search;

namespace Archive.Tests.Search;

public class when_folding_accents
{
    [Theory]
    [InlineData("financiële", "financiele")]
    [InlineData("Coöperatie één café", "Cooperatie een cafe")]
    [InlineData("geen accenten", "geen accenten")]
    [InlineData("ÉÉN À ÇA", "EEN A CA")]
    public void each_accented_letter_becomes_its_plain_letter(string text, string folded) => Assert.Equal(folded, Diacritics.Fold(text));

    [Fact]
    public void a_text_in_nfc_keeps_its_length() =>
        Assert.Equal("Ærø één naïef façade ñandú".Length, Diacritics.Fold("Ærø één naïef façade ñandú").Length);

    [Fact]
    public void a_query_for_the_plain_word_asks_for_the_folded_lexeme() =>
        Assert.Equal(SearchQuery.Parse("financiele").ToTsQuery(), SearchQuery.Parse("financiële").ToTsQuery());

    [Fact]
    public void an_excerpt_of_the_folded_text_gets_its_accents_back_with_its_marks()
    {
        const string original = "De financiële bijdrage van één coöperatie. Later meer over de coöperatie.";
        var excerpt = "De \u0001financiele\u0002 bijdrage van een … over de \u0001cooperatie\u0002.";
        Assert.Equal("De \u0001financiële\u0002 bijdrage van één … over de \u0001coöperatie\u0002.",
            FoldedExcerpt.Restore(original, excerpt, '\u0001', '\u0002', " … "));
    }

    [Fact]
    public void an_excerpt_not_found_in_the_text_is_left_as_it_was() =>
        Assert.Equal("iets \u0001anders\u0002", FoldedExcerpt.Restore("één tekst", "iets \u0001anders\u0002", '\u0001', '\u0002', " … "));
}
