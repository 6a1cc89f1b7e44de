using Archive.Content.Documents;
using Archive.Content.OpenTk;

namespace Archive.Tests.Parsing;

public class when_a_page_has_another_shape
{
    const string Page = """
        [overzicht] [activiteiten]

        Wijziging van de begrotingsstaten van het Ministerie van Buitenlandse Zaken

        Vaststelling van de begrotingsstaten 2024

        Nummer: 2024D01234, datum: 2024-03-31, bijgewerkt: 2024-10-27 02:30, versie: 3

        Onderdeel van kamerstukdossier 36200 XII -62 Vaststelling van de begrotingsstaten 2024.

        Onderdeel van zaak 2024Z00001, 2024Z00002:

        Preview document (🔗 origineel)

        Tekst.
        """;

    [Fact]
    public void a_page_without_a_kind_line_has_no_kind()
    {
        var page = OpenTkPageParser.Parse(Page).Value!;
        Assert.Null(page.Metadata.Kind);
        Assert.Equal("Wijziging van de begrotingsstaten van het Ministerie van Buitenlandse Zaken", page.Metadata.Subject);
        Assert.Equal("Vaststelling van de begrotingsstaten 2024", page.Metadata.Title);
    }

    [Fact]
    public void a_dossier_with_a_toevoeging_keeps_it_apart() =>
        Assert.Equal(new DossierReference("36200", "XII", 62, "Vaststelling van de begrotingsstaten 2024"), OpenTkPageParser.Parse(Page).Value!.Metadata.Dossier);

    [Fact]
    public void every_zaak_number_is_kept() =>
        Assert.Equal(["2024Z00001", "2024Z00002"], OpenTkPageParser.Parse(Page).Value!.Metadata.CaseNumbers);

    [Fact]
    public void the_autumn_hour_that_happens_twice_is_read_as_the_first() =>
        // 27 October 2024, 02:30 in Amsterdam happens at 00:30Z (summer time) and again at 01:30Z.
        Assert.Equal(new DateTimeOffset(2024, 10, 27, 0, 30, 0, TimeSpan.Zero), OpenTkPageParser.Parse(Page).Value!.SourceUpdatedAt);

    [Fact]
    public void a_page_without_a_preview_has_an_empty_body()
    {
        var page = OpenTkPageParser.Parse(Page[..Page.IndexOf("Preview", StringComparison.Ordinal)]).Value!;
        Assert.Equal("", page.Body);
        Assert.Empty(page.Footnotes);
    }
}
