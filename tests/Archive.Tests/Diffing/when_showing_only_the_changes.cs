using System.Text;
using System.Text.RegularExpressions;
using Archive.Content.Diffing;
using Archive.Content.OpenTk;
using Archive.Content.Structure;

namespace Archive.Tests.Diffing;

public class when_showing_only_the_changes
{
    static readonly TextDiff Fixture = TextDiffer.Compare(
        OpenTkPageParser.Parse(Tests.Fixture.Text("2026D04632-v1.txt")).Value!.Body, OpenTkPageParser.Parse(Tests.Fixture.Text("2026D04632-v2.txt")).Value!.Body);

    static Collapsing Collapsed(params int[] open) => new(row => $"?open={row}", open.ToHashSet());

    static int Count(string html, string pattern) => Regex.Matches(html, pattern).Count;

    [Fact]
    public void the_five_changes_are_shown_and_the_rest_is_collapsed_to_lines()
    {
        var full = HtmlDiff.Inline(Fixture);
        var html = HtmlDiff.Inline(Fixture, Collapsed());
        Assert.Equal(5, Fixture.Rows.Count(r => r.Kind != RowKind.Equal));
        Assert.Equal(Count(full, "<ins>"), Count(html, "<ins>"));
        Assert.Equal(Count(full, "<del>"), Count(html, "<del>"));
        foreach (var row in Fixture.Rows.Where(r => r.Kind != RowKind.Equal))
            Assert.Contains($"id=\"change-{row.OldLine}-{row.NewLine}\"", html);
        Assert.Matches(@"<p class=""collapsed"" id=""rows-\d+""><a href=""\?open=\d+"">… \d+ ongewijzigde alinea's …</a></p>", html);
        Assert.True(html.Length < full.Length / 2, $"{html.Length} characters collapsed, {full.Length} in full");
    }

    [Fact]
    public void a_stretch_opened_shows_its_paragraphs_and_all_shows_everything()
    {
        var html = HtmlDiff.Inline(Fixture, Collapsed());
        var first = int.Parse(Regex.Match(html, @"id=""rows-(\d+)""").Groups[1].Value);
        var opened = HtmlDiff.Inline(Fixture, Collapsed(first));
        Assert.DoesNotContain($"id=\"rows-{first}\"", opened);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Fixture.Rows[first].NewText.TrimEnd('\n')), opened);
        Assert.Equal(HtmlDiff.Inline(Fixture), HtmlDiff.Inline(Fixture, new Collapsing(_ => "", new HashSet<int>(), All: true)));
        Assert.Equal(Count(HtmlDiff.SideBySide(Fixture), "<ins>"), Count(HtmlDiff.SideBySide(Fixture, Collapsed()), "<ins>"));
        Assert.Contains("<td colspan=\"4\">", HtmlDiff.SideBySide(Fixture, Collapsed()));
    }

    [Fact]
    public void a_5_mb_pair_with_one_paragraph_in_a_hundred_changed_is_under_1_mb_of_html()
    {
        var paragraphs = Fixture.NewLines.Where(l => l.Length > 40).ToList();
        var old = new StringBuilder();
        var changed = new StringBuilder();
        for (var i = 0; old.Length < 5_000_000; i++)
        {
            var p = paragraphs[i % paragraphs.Count] + $" ({i})";
            old.Append(p).Append("\n\n");
            changed.Append(i % 100 == 7 ? p.Replace(" de ", " het ") + " gewijzigd" : p).Append("\n\n");
        }
        var diff = TextDiffer.Compare(old.ToString(), changed.ToString(), new DiffOptions { Budget = TimeSpan.FromMinutes(1) });
        var html = HtmlDiff.Inline(diff, Collapsed());
        Assert.True(Encoding.UTF8.GetByteCount(html) < 1_000_000, $"{Encoding.UTF8.GetByteCount(html):N0} bytes");
        Assert.Equal(diff.Rows.Count(r => r.Kind != RowKind.Equal), Count(html, "<p class=\"changed\""));
    }

    [Fact]
    public void a_long_changed_paragraph_shows_the_words_around_its_change()
    {
        var words = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"woord{i}"));
        var diff = TextDiffer.Compare(words + "\n", words.Replace("woord100 ", "ander100 ") + "\n");
        var html = HtmlDiff.Inline(diff, Collapsed());
        Assert.Contains("<del>woord100</del><ins>ander100</ins>", html);
        Assert.Contains(" … ", html);
        Assert.DoesNotContain("woord10 ", html);
        Assert.DoesNotContain("woord190", html);
    }

    [Theory]
    [InlineData("Een zin met woorden.\n", "Een zin  met woorden.\n", "Inleiding: opmaak gewijzigd")]
    [InlineData("Een zin met woorden.\n", "Een zin met woorden.¹\n", "Inleiding: voetnootverwijzing gewijzigd")]
    [InlineData("Een zin met woorden.\n", "Een zin, met woorden!\n", "Inleiding: leestekens gewijzigd")]
    [InlineData("Een zin met woorden.\n", "Een zin met meer woorden.\n", "Inleiding: gewijzigd (+1 −0 woorden)")]
    public void the_summary_says_what_changed_and_never_zero_words(string before, string after, string expected)
    {
        var summary = StructuralSummary.Of(TextDiffer.Compare(before, after));
        Assert.Equal([expected], summary.Select(s => s.Text));
        Assert.DoesNotContain(summary, s => s.Text.Contains("+0 −0"));
    }
}
