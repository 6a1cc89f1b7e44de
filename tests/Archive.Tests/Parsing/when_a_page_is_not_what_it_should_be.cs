using Archive.Content.OpenTk;

namespace Archive.Tests.Parsing;

public class when_a_page_is_not_what_it_should_be
{
    static string V1 => Fixture.Text("2026D04632-v1.txt");

    static string Refusal(string page)
    {
        var result = OpenTkPageParser.Parse(page);
        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        return result.Error!;
    }

    [Fact]
    public void a_page_without_the_nummer_line_is_refused_saying_so() =>
        Assert.Contains("no 'Nummer: …, datum: …' line", Refusal(V1.Replace("Nummer: 2026D04632", "Nr 2026D04632")));

    [Fact]
    public void random_text_is_refused() => Assert.Contains("Nummer", Refusal("lorem ipsum\ndolor sit amet"));

    [Theory]
    [InlineData("datum: 2026-02-30", "datum '2026-02-30' is not a valid date")]
    [InlineData("datum: 30-01-2026", "datum '30-01-2026' is not a valid date")]
    public void an_impossible_date_is_refused(string replacement, string reason) =>
        Assert.Contains(reason, Refusal(V1.Replace("datum: 2026-01-30", replacement)));

    [Fact]
    public void an_impossible_update_time_is_refused() =>
        Assert.Contains("bijgewerkt '2026-02-02 25:51' is not a valid time", Refusal(V1.Replace("2026-02-02 09:51", "2026-02-02 25:51")));

    [Fact]
    public void a_missing_update_time_is_refused() =>
        Assert.Contains("no 'bijgewerkt", Refusal(V1.Replace(", bijgewerkt: 2026-02-02 09:51", "")));

    [Fact]
    public void a_missing_or_odd_versie_is_refused() =>
        Assert.Contains("versie", Refusal(V1.Replace("versie: 1", "versie: een")));

    [Fact]
    public void a_number_with_spaces_or_slashes_is_refused() =>
        Assert.Contains("not a document number", Refusal(V1.Replace("Nummer: 2026D04632", "Nummer: ../../etc")));
}
