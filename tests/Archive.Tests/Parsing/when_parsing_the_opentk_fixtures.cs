using Archive.Content.Documents;
using Archive.Content.OpenTk;

namespace Archive.Tests.Parsing;

public class when_parsing_the_opentk_fixtures
{
    const string Subject = "Verslag van een schriftelijk overleg over o.a. beleidsagenda Buitenlandse Handel ‘Nederland: welvarend en weerbaar’ (Kamerstuk 36180-164)";
    const string Title = "Doen waar Nederland goed in is - Strategie voor Buitenlandse Handel en Ontwikkelingssamenwerking";

    static OpenTkPage Parse(string file) => OpenTkPageParser.Parse(Fixture.Text(file)).Value!;

    [Fact]
    public void version_1_yields_every_header_field()
    {
        var page = Parse("2026D04632-v1.txt");
        Assert.Equal("2026D04632", page.Number);
        Assert.Equal(new DateOnly(2026, 1, 30), page.Metadata.Date);
        Assert.Equal("2026-02-02 09:51", page.SourceUpdatedRaw);
        Assert.Equal(new DateTimeOffset(2026, 2, 2, 8, 51, 0, TimeSpan.Zero), page.SourceUpdatedAt);
        Assert.Equal(TimeSpan.Zero, page.SourceUpdatedAt.Offset);
        Assert.Equal(1, page.SourceVersion);
        Assert.Equal(Subject, page.Metadata.Subject);
        Assert.Equal(Title, page.Metadata.Title);
        Assert.Equal("Verslag van een schriftelijk overleg", page.Metadata.Kind);
        Assert.Equal(new DossierReference("36180", null, 196, Title), page.Metadata.Dossier);
        Assert.Equal(["2026Z02003"], page.Metadata.CaseNumbers);
    }

    [Fact]
    public void version_2_differs_only_in_versie_and_bijgewerkt()
    {
        var (v1, v2) = (Parse("2026D04632-v1.txt"), Parse("2026D04632-v2.txt"));
        Assert.Equal(2, v2.SourceVersion);
        Assert.Equal("2026-02-09 14:12", v2.SourceUpdatedRaw);
        Assert.Equal(new DateTimeOffset(2026, 2, 9, 13, 12, 0, TimeSpan.Zero), v2.SourceUpdatedAt);
        Assert.Equal(v1.Metadata.Hash(), v2.Metadata.Hash());
        Assert.Empty(v1.Metadata.ChangedFields(v2.Metadata));
    }

    [Theory]
    // Hashes computed outside this code (Python: text after the Preview line, rstrip per line, blank lines trimmed, one final LF).
    [InlineData("2026D04632-v1.txt", "14b77bc85d36b3fe8f41472187bfd81a03fd819a433c547cc4946e534915bd56", "Vastgesteld …………. 2026")]
    [InlineData("2026D04632-v2.txt", "1e389530f93de35987d5375f5305d341891a07d47c972c5610d158dca5b68406", "Vastgesteld 9 februari 2026")]
    public void the_body_is_the_normalised_text_after_the_preview_line(string file, string sha256, string line)
    {
        var page = Parse(file);
        Assert.StartsWith("Nr.\n\nINBRENG VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\n", page.Body);
        Assert.EndsWith("asr_data_country↩︎\n", page.Body);
        Assert.Contains("\n" + line + "\n", page.Body);
        Assert.Equal(250, page.Body.Count(c => c == '\n'));
        Assert.Equal(sha256, Content.Text.NormalisedText.Sha256(page.Body));
    }

    [Fact]
    public void the_footnotes_are_numbered_1_to_16_in_order()
    {
        var notes = Parse("2026D04632-v1.txt").Footnotes;
        Assert.Equal(Enumerable.Range(1, 16), notes.Select(n => n.Number));
        Assert.Equal("Kamerstukken 36180 nr. 179", notes[0].Text);
        Assert.Equal("Kamerstuk\u00A026\u00A0485, nr.\u00A0430", notes[11].Text);   // the source has no-break spaces there
        Assert.Equal("Zie UN Global Marketplace: https://www.ungm.org/Shared/KnowledgeCenter/Pages/asr_data_country", notes[15].Text);
    }

    [Fact]
    public void crlf_a_bom_and_trailing_spaces_change_nothing()
    {
        var text = Fixture.Text("2026D04632-v1.txt");
        var messy = "\uFEFF" + string.Join("\r\n", text.Split('\n').Select(l => l + "  \t"));
        var (clean, dirty) = (OpenTkPageParser.Parse(text).Value!, OpenTkPageParser.Parse(messy).Value!);
        Assert.Equal(clean.Metadata.Hash(), dirty.Metadata.Hash());
        Assert.Equal(clean.Body, dirty.Body);
        Assert.Equal(clean.SourceUpdatedAt, dirty.SourceUpdatedAt);
        Assert.Equal(clean.Footnotes, dirty.Footnotes);
    }
}
