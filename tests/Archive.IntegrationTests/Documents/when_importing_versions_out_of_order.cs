using Alba;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Documents;

public sealed class V2ThenV1 : ArchiveHost
{
    public List<System.Text.Json.Nodes.JsonNode> Answers { get; } = [];

    protected override async Task Seed()
    {
        Answers.Add(await (await Import(Fixtures.V2, expect: 201)).ReadJson());
        Answers.Add(await (await Import(Fixtures.V1)).ReadJson());
    }
}

[Collection(ArchiveCollection.Name)]
public class when_importing_versions_out_of_order(V2ThenV1 archive) : IClassFixture<V2ThenV1>
{
    [Fact]
    public void the_late_version_is_recorded_but_not_current()
    {
        var late = archive.Answers[1]["results"]![0]!;
        Assert.Equal("revised", (string)late["outcome"]!);
        Assert.Equal(2, (int)late["revision"]!);
        Assert.False((bool)late["current"]!);
    }

    [Fact]
    public async Task versie_2_stays_the_current_state()
    {
        var details = await archive.GetJson("/api/documents/2026D04632");
        Assert.Equal(2, (int)details["sourceVersion"]!);
        Assert.Equal(1, (int)details["currentRevision"]!);
        Assert.Equal(DateTimeOffset.Parse("2026-02-09T13:12:00Z"), (DateTimeOffset)details["sourceUpdatedAt"]!);
    }

    [Fact]
    public async Task the_history_keeps_the_arrival_order()
    {
        var history = await archive.GetJson("/api/documents/2026D04632/revisions");
        Assert.Equal([2, 1], history["revisions"]!.AsArray().Select(r => (int)r!["sourceVersion"]!));
    }
}
