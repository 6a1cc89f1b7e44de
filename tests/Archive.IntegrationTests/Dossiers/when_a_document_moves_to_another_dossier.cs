using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Dossiers;

/// <summary>A document belongs to the dossier its current revision names: a newer revision naming another moves it.</summary>
[Collection(ArchiveCollection.Name)]
public class when_a_document_moves_to_another_dossier : ArchiveHost
{
    protected override async Task Seed()
    {
        await Import(Fixtures.V1, expect: 201);
        await Import(Fixtures.V2.Replace("36180 -196", "36999 -4"));
    }

    [Fact]
    public async Task it_leaves_the_first_dossier_and_joins_the_second()
    {
        var moved = (await GetJson("/api/dossiers/36999"))["documents"]!.AsArray();
        Assert.Equal(["2026D04632:4:2"], moved.Select(d => $"{d!["number"]}:{d["sequenceNumber"]}:{d["sourceVersion"]}"));
        var left = await GetJson("/api/dossiers/36180");
        Assert.Empty(left["documents"]!.AsArray());
        Assert.Equal("no documents yet", (string?)left["note"]);
    }

    [Fact]
    public async Task each_dossier_keeps_the_title_its_documents_gave_it()
    {
        var joined = await GetJson("/api/dossiers/36999");
        Assert.Equal("Doen waar Nederland goed in is - Strategie voor Buitenlandse Handel en Ontwikkelingssamenwerking", (string?)joined["title"]);
        var left = await GetJson("/api/dossiers/36180");
        Assert.Equal("Doen waar Nederland goed in is - Strategie voor Buitenlandse Handel en Ontwikkelingssamenwerking", (string?)left["title"]);
    }

    [Fact]
    public async Task as_of_before_the_move_it_is_still_in_the_first() =>
        Assert.Single((await GetJson("/api/dossiers/36180?asOf=2026-02-03"))["documents"]!.AsArray());
}
