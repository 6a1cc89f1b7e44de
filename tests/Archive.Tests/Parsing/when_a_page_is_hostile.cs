using Archive.Content.Input;
using Archive.Content.OpenTk;
using Archive.Content.Structure;

namespace Archive.Tests.Parsing;

/// <summary>
/// Pages built to hurt: runs of 100,000 characters where the old Nummer regex backtracked
/// cubically, numbers that climb out of folders or add header lines, values at the edge of
/// their range. Each gives its reason; none is taken in. (Correctness only: a test that timed
/// them would flake on a shared machine; the fuzz script times them.)
/// </summary>
public class when_a_page_is_hostile
{
    static string V1 => Fixture.Text("2026D04632-v1.txt");
    const int Long = 100_000;

    static string Refusal(string page)
    {
        var result = OpenTkPageParser.Parse(page);
        Assert.False(result.Succeeded, "the page was taken in");
        return result.Error!;
    }

    static string WithNumberLine(string line) =>
        V1.Replace("Nummer: 2026D04632, datum: 2026-01-30, bijgewerkt: 2026-02-02 09:51, versie: 1", line);

    [Theory]
    [InlineData(' ')]
    [InlineData(',')]
    [InlineData('\t')]
    [InlineData('9')]
    public void a_nummer_line_with_a_long_run_is_refused(char run)
    {
        Assert.Contains("Nummer", Refusal(WithNumberLine("Nummer: " + new string(run, Long) + "x")));
        Assert.NotNull(Refusal(WithNumberLine("Nummer: 2026D04632," + new string(run, Long) + "datum: 2026-01-30, bijgewerkt: 2026-02-02 09:51, versie: 1x")));
    }

    [Fact]
    public void spaces_around_the_fields_are_still_read()
    {
        var page = OpenTkPageParser.Parse(WithNumberLine("Nummer:   2026D04632 ,  datum: 2026-01-30,   bijgewerkt: 2026-02-02 09:51 , versie: 1"));
        Assert.True(page.Succeeded, page.Error);
        Assert.Equal(("2026D04632", 1), (page.Value!.Metadata.Number, page.Value.SourceVersion));
    }

    [Fact]
    public void the_other_lines_with_long_runs_parse_or_are_refused()
    {
        var dossier = V1.Replace("Onderdeel van kamerstukdossier 36180 -196", "Onderdeel van kamerstukdossier 36180 " + new string(' ', Long) + "-196" + new string('-', Long));
        var parsed = OpenTkPageParser.Parse(dossier);
        Assert.True(parsed.Succeeded || parsed.Error is not null);
        var footnotes = V1 + "\n" + string.Concat(Enumerable.Repeat("1 ", Long / 2)) + "\n";
        Assert.True(OpenTkPageParser.Parse(footnotes).Succeeded);
        var line = new string(' ', Long) + "Vraag" + new string(' ', Long) + "1" + new string('.', Long);
        Assert.NotNull(DocumentStructure.Parse([line, "Vraag 1" + new string(' ', Long), "Antwoord" + new string('1', Long)]));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("..\\..\\evil")]
    [InlineData("2026Dé4632")]
    [InlineData("2026D-1")]
    [InlineData("2026D0463212")]
    [InlineData("0000D04632x")]
    public void a_number_of_another_shape_is_refused_by_name(string number) =>
        Assert.Contains("is not a document number", Refusal(V1.Replace("Nummer: 2026D04632", "Nummer: " + number)));

    [Fact]
    public void a_number_with_a_line_break_is_refused() =>
        Assert.NotNull(Refusal(V1.Replace("Nummer: 2026D04632", "Nummer: 2026D04632\r\nLink: <http://evil>")));

    [Fact]
    public void a_number_of_ten_thousand_characters_is_refused_and_quoted_short()
    {
        var reason = Refusal(V1.Replace("Nummer: 2026D04632", "Nummer: " + new string('1', 10_000)));
        Assert.Contains("is not a document number", reason);
        Assert.True(reason.Length < 400, reason);
    }

    [Theory]
    [InlineData("versie: -1", "versie '-1' is not a version number (expected a whole number from 0 to 99,999)")]
    [InlineData("versie: 99999999999", "versie '99999999999' is not a version number (expected a whole number from 0 to 99,999)")]
    [InlineData("versie: 99999999999999999999999", "versie '99999999999999999999999' is not a version number")]
    [InlineData("versie: 100000", "versie '100000' is not a version number")]
    public void a_version_out_of_range_says_which_range(string versie, string reason) =>
        Assert.Contains(reason, Refusal(V1.Replace("versie: 1", versie)));

    [Theory]
    [InlineData("bijgewerkt: 0001-01-01 00:00")]
    [InlineData("bijgewerkt: 9999-12-31 23:59")]
    [InlineData("bijgewerkt: 1799-12-31 23:59")]
    public void an_update_time_outside_the_range_is_refused(string bijgewerkt) =>
        Assert.Contains("bijgewerkt", Refusal(V1.Replace("bijgewerkt: 2026-02-02 09:51", bijgewerkt)));

    [Theory]
    [InlineData("datum: 0001-01-01")]
    [InlineData("datum: 9999-12-31")]
    public void a_date_outside_the_range_is_refused(string datum) =>
        Assert.Contains("datum", Refusal(V1.Replace("datum: 2026-01-30", datum)));

    [Fact]
    public void a_title_over_the_limit_is_refused_with_the_limit()
    {
        var at = V1.IndexOf("Doen waar Nederland", StringComparison.Ordinal);
        var page = V1[..at] + new string('x', 1_400_000) + V1[at..];
        Assert.Contains($"{Limits.MaxHeadingLength:N0}", Refusal(page));
    }

    [Fact]
    public void control_characters_are_taken_out_of_titles_and_text()
    {
        var at = V1.IndexOf("Doen waar Nederland", StringComparison.Ordinal);
        var page = OpenTkPageParser.Parse(V1[..at] + "\u0001Doen\u0002\u001b" + V1[(at + 4)..].Replace("INBRENG", "IN\u0000BRENG\u007f\u0085"));
        Assert.True(page.Succeeded, page.Error);
        Assert.StartsWith("Doen waar", page.Value!.Metadata.Title);
        Assert.DoesNotContain(page.Value.Body, c => char.IsControl(c) && c is not ('\n' or '\t' or '\r'));
        Assert.Contains("INBRENG", page.Value.Body);
    }
}
