using Archive.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Archive.IntegrationTests.Search;

/// <summary>
/// Three documents with the fixture's words; the first gets its second version last. The count cap
/// of two makes a word in every document a walk over the documents newest first, not a count.
/// </summary>
public sealed class ThreeDocumentsTheFirstUpdatedLast : ArchiveHost
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Archive:Search:CountCap", "2");

    protected override async Task Seed()
    {
        for (var i = 1; i <= 3; i++)
            await Import(Fixtures.V1.Replace("2026D04632", $"2026D0000{i}").Replace("bijgewerkt: 2026-02-02 09:51", $"bijgewerkt: 2026-02-0{i} 10:00"), expect: 201);
        await Import(Fixtures.V2.Replace("2026D04632", "2026D00001"), expect: 200);   // bijgewerkt 2026-02-09
    }
}

[Collection(ArchiveCollection.Name)]
public class when_a_common_word_is_searched_now(ThreeDocumentsTheFirstUpdatedLast archive) : IClassFixture<ThreeDocumentsTheFirstUpdatedLast>
{
    static IEnumerable<string> Numbers(System.Text.Json.Nodes.JsonNode answer) => answer["results"]!.AsArray().Select(r => (string)r!["number"]!);

    [Fact]
    public async Task each_document_comes_once_in_the_order_of_its_current_version()
    {
        var answer = await archive.GetJson("/api/search?q=Mercosur&limit=10");
        Assert.Equal("newest", (string)answer["order"]!);
        Assert.Equal(["2026D00001", "2026D00003"], Numbers(answer));   // pages end at the cap
        Assert.Equal(2, (int)answer["results"]![0]!["revision"]!);
    }

    [Fact]
    public async Task as_of_a_date_the_versions_that_stood_then_give_the_order()
    {
        Assert.Equal(["2026D00003", "2026D00002"], Numbers(await archive.GetJson("/api/search?q=Mercosur&asOf=2026-02-05T00:00:00Z&limit=10")));
        var first = await archive.GetJson("/api/search?q=Mercosur&asOf=2026-02-01T12:00:00Z&limit=10");
        Assert.Equal(["2026D00001"], Numbers(first));
        Assert.Equal(1, (int)first["results"]![0]!["revision"]!);
    }
}
