using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Documents;

[Collection(ArchiveCollection.Name)]
public class when_importing_a_batch(ArchiveHost archive) : IClassFixture<ArchiveHost>
{
    [Fact]
    public async Task the_good_files_are_imported_and_the_bad_one_is_listed_as_rejected()
    {
        var answer = await (await archive.ImportFiles(200,
            ("2026D04632-v1.txt", Fixtures.Bytes("2026D04632-v1.txt")),
            ("broken.txt", System.Text.Encoding.UTF8.GetBytes(Fixtures.V2.Replace("datum: 2026-01-30", "datum: 2026-13-01"))),
            ("2026D04632-v2.txt", Fixtures.Bytes("2026D04632-v2.txt")))).ReadJson();

        var results = answer["results"]!.AsArray();
        Assert.Equal(["created", "rejected", "revised"], results.Select(r => (string)r!["outcome"]!));
        Assert.Equal(["2026D04632-v1.txt", "broken.txt", "2026D04632-v2.txt"], results.Select(r => (string)r!["source"]!));
        Assert.Contains("datum '2026-13-01' is not a valid date", (string)results[1]!["reason"]!);
        Assert.Null(results[1]!["links"]);
        Assert.Equal(1, (int)answer["summary"]!["rejected"]!);
        Assert.Equal(2, await archive.EventCount());
        Assert.Equal(2, await archive.TextCount());
    }
}
