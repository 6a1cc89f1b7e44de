using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Documents;

[Collection(ArchiveCollection.Name)]
public class when_the_same_document_is_imported_concurrently(ArchiveHost archive) : IClassFixture<ArchiveHost>
{
    [Fact]
    public async Task exactly_one_import_creates_it_and_the_others_find_it_unchanged()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ => await (await archive.Import(Fixtures.Bytes("2026D04632-v1.txt"), "text/plain", expect: ArchiveHost.AnyStatus)).ReadJson()));
        Assert.All(answers, a => Assert.True(a["results"] is not null, a.ToJsonString()));
        var outcomes = answers.Select(a => (string)a["results"]![0]!["outcome"]!).Order().ToList();
        Assert.Equal(["created", "unchanged", "unchanged", "unchanged", "unchanged", "unchanged"], outcomes);
        Assert.Equal(1, await archive.EventCount());
    }
}
