using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Dossiers;

public sealed class ADossierOfTwoDocuments : ArchiveHost
{
    protected override async Task Seed()
    {
        await Import(Fixtures.V1, expect: 201);
        await Import(Fixtures.V2);
        var other = Fixtures.V1.Replace("2026D04632", "2026D00003").Replace("36180 -196", "36180 -197")
            .Replace("bijgewerkt: 2026-02-02 09:51", "bijgewerkt: 2026-02-07 10:00");
        await Import(other, expect: 201);
        await Import(Fixtures.V1.Replace("2026D04632", "2026D00004").Replace("36180 -196", "99999 -1"), expect: 201);
        await Post("/api/documents/2026D00003/withdrawal", new { sourceUpdatedAt = "2026-02-20T00:00:00Z" });
    }
}

[Collection(ArchiveCollection.Name)]
public class when_asking_for_a_dossier_as_of_a_date(ADossierOfTwoDocuments archive) : IClassFixture<ADossierOfTwoDocuments>
{
    async Task<List<(string Number, int Volgnummer, int Versie)>> Documents(string url)
    {
        var dossier = await archive.GetJson(url);
        return dossier["documents"]!.AsArray().Select(d => ((string)d!["number"]!, (int)d["sequenceNumber"]!, (int)d["sourceVersion"]!)).ToList();
    }

    [Theory]
    [InlineData("2026-02-03", new[] { "2026D04632:196:1" })]
    [InlineData("2026-02-08", new[] { "2026D04632:196:1", "2026D00003:197:1" })]
    [InlineData("2026-02-10", new[] { "2026D04632:196:2", "2026D00003:197:1" })]
    [InlineData("2026-02-25", new[] { "2026D04632:196:2" })]
    public async Task it_lists_the_documents_that_existed_then_in_their_revision_then(string asOf, string[] expected) =>
        Assert.Equal(expected, (await Documents($"/api/dossiers/36180?asOf={asOf}")).Select(d => $"{d.Number}:{d.Volgnummer}:{d.Versie}"));

    [Fact]
    public async Task now_it_lists_every_document_by_volgnummer_marking_the_withdrawn()
    {
        var dossier = await archive.GetJson("/api/dossiers/36180");
        Assert.Equal("Doen waar Nederland goed in is - Strategie voor Buitenlandse Handel en Ontwikkelingssamenwerking", (string)dossier["title"]!);
        var documents = dossier["documents"]!.AsArray();
        Assert.Equal(["2026D04632", "2026D00003"], documents.Select(d => (string)d!["number"]!));
        Assert.Equal([false, true], documents.Select(d => (bool)d!["withdrawn"]!));
        Assert.Equal(2, (int)documents[0]!["sourceVersion"]!);
    }

    [Fact]
    public async Task on_the_recorded_axis_everything_recorded_so_far_counts() =>
        Assert.Equal(["2026D04632"], (await Documents("/api/dossiers/36180?asOf=2199-01-01T00:00:00Z&axis=recorded")).Select(d => d.Number));

    [Fact]
    public async Task before_its_first_document_it_did_not_exist_yet() =>
        Assert.Contains("had no documents yet", (string)(await archive.GetJson("/api/dossiers/36180?asOf=2026-01-01", 404))["detail"]!);

    [Fact]
    public async Task an_unknown_dossier_is_a_404_and_a_bad_moment_a_400()
    {
        await archive.GetJson("/api/dossiers/11111", 404);
        await archive.GetJson("/api/dossiers/36180?asOf=soon", 400);
        await archive.GetJson("/api/dossiers/36180?asOf=2026-02-03&axis=x", 400);
    }
}
