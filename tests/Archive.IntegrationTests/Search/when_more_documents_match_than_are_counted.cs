using Archive.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Archive.IntegrationTests.Search;

/// <summary>Six documents with the fixture's words, one of them withdrawn; matches are counted up to three and ranked up to two.</summary>
public sealed class SixDocumentsAndACapOfThree : ArchiveHost
{
    protected override void Configure(IWebHostBuilder builder) =>
        builder.UseSetting("Archive:Search:CountCap", "3").UseSetting("Archive:Search:RankCap", "2");

    protected override async Task Seed()
    {
        for (var i = 1; i <= 6; i++)
            await Import(Fixtures.V1.Replace("2026D04632", $"2026D0000{i}").Replace("bijgewerkt: 2026-02-02 09:51", $"bijgewerkt: 2026-02-0{i} 10:00")
                .Replace("Mercosur", i == 2 ? "Mercosur zeldzaamheid" : "Mercosur"), expect: 201);
        await Post("/api/documents/2026D00006/withdrawal", new { sourceUpdatedAt = "2026-03-01T00:00:00Z" });
    }
}

[Collection(ArchiveCollection.Name)]
public class when_more_documents_match_than_are_counted(SixDocumentsAndACapOfThree archive) : IClassFixture<SixDocumentsAndACapOfThree>
{
    /// <summary>Mercosur is in every document: PostgreSQL expects more matches than the cap, so they are not counted.</summary>
    [Fact]
    public async Task the_total_is_an_estimate_and_the_newest_standing_documents_come_first_up_to_the_cap()
    {
        var answer = await archive.GetJson("/api/search?q=Mercosur&limit=10");
        Assert.True((bool)answer["estimated"]!);
        Assert.True((bool)answer["more"]!);
        Assert.InRange((int)answer["total"]!, 4, 6);   // at least the cap and one more; at most every document
        Assert.Equal("newest", (string)answer["order"]!);
        Assert.Equal(["2026D00005", "2026D00004", "2026D00003"], answer["results"]!.AsArray().Select(r => (string)r!["number"]!));
    }

    [Fact]
    public async Task a_page_that_holds_every_match_counts_them_exactly()
    {
        // limit 3 is the cap: four are looked for, and the fourth exists, so the total stays an estimate…
        Assert.True((bool)(await archive.GetJson("/api/search?q=Mercosur&limit=3"))["estimated"]!);
        // …but as of 3 February only the first three documents existed: all there is fits the page.
        var answer = await archive.GetJson("/api/search?q=Mercosur&asOf=2026-02-03T12:00:00Z&limit=10");
        Assert.False((bool)answer["estimated"]!);
        Assert.False((bool)answer["more"]!);
        Assert.Equal(3, (int)answer["total"]!);
    }

    [Fact]
    public async Task a_second_page_within_the_cap_goes_on_where_the_first_stopped() =>
        Assert.Equal(["2026D00004", "2026D00003"],
            (await archive.GetJson("/api/search?q=Mercosur&limit=2&offset=1"))["results"]!.AsArray().Select(r => (string)r!["number"]!));

    [Fact]
    public async Task under_the_cap_the_total_is_exact_and_ranked()
    {
        var answer = await archive.GetJson("/api/search?q=zeldzaamheid");
        Assert.Equal(1, (int)answer["total"]!);
        Assert.False((bool)answer["more"]!);
        Assert.Equal("relevance", (string)answer["order"]!);
        Assert.Equal("2026D00002", (string)answer["results"]![0]!["number"]!);
    }

    [Fact]
    public async Task between_the_caps_the_newest_come_first()
    {
        // Mercosur is in all six and zeldzaamheid only in 2026D00002, which this query leaves out: four stand and are not withdrawn (1, 3, 4, 5), one more than the cap.
        var answer = await archive.GetJson("/api/search?q=Mercosur -zeldzaamheid&limit=10");
        Assert.True((bool)answer["more"]!);
        Assert.True((bool)answer["estimated"]!);
        Assert.Equal("newest", (string)answer["order"]!);
        Assert.Equal(["2026D00005", "2026D00004", "2026D00003"], answer["results"]!.AsArray().Select(r => (string)r!["number"]!));
    }

    [Fact]
    public async Task the_page_says_about_how_many()
    {
        var html = await (await archive.Host.Scenario(s => s.Get.Url("/search?q=Mercosur"))).ReadAsTextAsync();
        Assert.Matches("Ongeveer [4-6] documenten gevonden.", html);
        Assert.Contains("De nieuwste eerst", html);
        Assert.DoesNotContain("pagina 1 van", html);   // pages end at the cap: three results, one page
    }
}
