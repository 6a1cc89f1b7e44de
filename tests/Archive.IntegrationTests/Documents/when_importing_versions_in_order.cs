using Alba;
using Archive.Content.Text;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Documents;

public sealed class V1ThenV2ThenV1 : ArchiveHost
{
    public List<System.Text.Json.Nodes.JsonNode> Answers { get; } = [];

    protected override async Task Seed()
    {
        Answers.Add(await (await Import(Fixtures.V1, expect: 201)).ReadJson());
        Answers.Add(await (await Import(Fixtures.V2)).ReadJson());
        Answers.Add(await (await Import(Fixtures.V1)).ReadJson());
    }
}

[Collection(ArchiveCollection.Name)]
public class when_importing_versions_in_order(V1ThenV2ThenV1 archive) : IClassFixture<V1ThenV2ThenV1>
{
    List<System.Text.Json.Nodes.JsonNode> _answers => archive.Answers;

    [Fact]
    public void the_answers_are_created_revised_unchanged()
    {
        Assert.Equal(["created", "revised", "unchanged"], _answers.Select(a => (string)a["results"]![0]!["outcome"]!));
        Assert.Equal([1, 2, 1], _answers.Select(a => (int)a["results"]![0]!["revision"]!));
        Assert.Equal("/api/documents/2026D04632/revisions/2", (string)_answers[1]["results"]![0]!["links"]!["revision"]!);
        Assert.Equal(1, (int)_answers[2]["summary"]!["unchanged"]!);
    }

    [Fact]
    public async Task the_history_has_two_revisions()
    {
        var history = await archive.GetJson("/api/documents/2026D04632/revisions");
        var revisions = history["revisions"]!.AsArray();
        Assert.Equal(2, revisions.Count);
        Assert.Equal([1, 2], revisions.Select(r => (int)r!["sourceVersion"]!));
        Assert.Equal("versie,bijgewerkt", string.Join(",", revisions[1]!["changedFields"]!.AsArray().Select(f => (string)f!)));
        Assert.True((bool)revisions[1]!["textChanged"]!);
        Assert.Equal((string)revisions[0]!["eventHash"]!, (string)revisions[1]!["previousEventHash"]!);
        Assert.Equal(2, await archive.EventCount());
    }

    [Fact]
    public async Task the_current_state_is_versie_2()
    {
        var details = await archive.GetJson("/api/documents/2026D04632");
        Assert.Equal(2, (int)details["sourceVersion"]!);
        Assert.Equal(DateTimeOffset.Parse("2026-02-09T13:12:00Z"), (DateTimeOffset)details["sourceUpdatedAt"]!);
        Assert.Equal("2026-02-09 14:12", (string)details["sourceUpdatedRaw"]!);
        Assert.Equal("36180", (string)details["metadata"]!["dossier"]!["number"]!);
        Assert.Equal(2, (int)details["revisionCount"]!);
    }

    [Fact]
    public async Task revision_1_text_is_the_fixture_body_after_normalisation()
    {
        var revision = await archive.GetJson("/api/documents/2026D04632/revisions/1");
        var body = Fixtures.V1.Split("Preview document (🔗 origineel)\n", 2)[1];
        Assert.Equal(NormalisedText.Normalise(body), (string)revision["text"]!);
        Assert.Equal("14b77bc85d36b3fe8f41472187bfd81a03fd819a433c547cc4946e534915bd56", (string)revision["revision"]!["contentHash"]!);
        Assert.Equal(1, (int)revision["revision"]!["sourceVersion"]!);
    }

    [Fact]
    public async Task an_unknown_revision_is_a_404_problem()
    {
        var result = await archive.Host.Scenario(s =>
        {
            s.Get.Url("/api/documents/2026D04632/revisions/3");
            s.StatusCodeShouldBe(404);
            s.ContentTypeShouldBe("application/problem+json");
        });
        Assert.Contains("no revision 3", (string)(await result.ReadJson())["detail"]!);
    }
}
