using System.Text.Json.Nodes;
using Alba;
using Archive.IntegrationTests.Audit;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Documents;

[Collection(ArchiveCollection.Name)]
public class when_blaming_a_revision(V1V2AndAWithdrawal archive) : IClassFixture<V1V2AndAWithdrawal>
{
    async Task<List<JsonNode>> Paragraphs(int revision) =>
        (await archive.GetJson($"/api/documents/2026D04632/blame?revision={revision}"))["paragraphs"]!.AsArray().Select(p => p!).ToList();

    [Fact]
    public async Task the_five_changed_paragraphs_are_revision_2s_and_the_rest_revision_1s()
    {
        var blame = await Paragraphs(2);
        Assert.Equal(5, blame.Count(p => (int)p["revision"]! == 2));
        Assert.All(blame.Where(p => (int)p["revision"]! == 2), p =>
        {
            Assert.Equal("/documents/2026D04632/diff?from=1&to=2", (string)p["diff"]!);
            Assert.StartsWith("r1-", (string)p["replaces"]![0]!);
        });
        Assert.True(blame.Count(p => (int)p["revision"]! == 1) > 20);
        Assert.Equal(blame, await Paragraphs(2), JsonNode.DeepEquals);
        Assert.Equal(2, (int)(await archive.GetJson("/api/documents/2026D04632/blame"))["revision"]!);
    }

    [Fact]
    public async Task an_anchor_taken_from_revision_1_lands_on_the_same_paragraph_in_revision_2()
    {
        var first = await Paragraphs(1);
        var second = await Paragraphs(2);
        var kept = first.Where(p => second.Any(s => (string)s["anchor"]! == (string)p["anchor"]!)).ToList();
        Assert.Equal(first.Count - 5, kept.Count);
        Assert.All(kept, p => Assert.Equal((string)p["text"]!, (string)second.Single(s => (string)s["anchor"]! == (string)p["anchor"]!)["text"]!));

        var page = await (await archive.Host.Scenario(s => s.Get.Url("/documents/2026D04632/blame?revision=2"))).ReadAsTextAsync();
        var anchor = (string)kept[10]["anchor"]!;
        Assert.Contains($"<tr id=\"{anchor}\"", page);
        var changed = (string)second.First(p => (int)p["revision"]! == 2)["replaces"]![0]!;
        Assert.Contains($"<a id=\"{changed}\"></a>", page);
    }

    [Theory]
    [InlineData("/api/documents/2026D04632/blame?revision=abc", 400)]
    [InlineData("/api/documents/2026D04632/blame?revision=0", 404)]
    [InlineData("/api/documents/2026D04632/blame?revision=9", 404)]
    [InlineData("/api/documents/2026D99999/blame", 404)]
    [InlineData("/documents/2026D04632/blame?revision=9", 404)]
    [InlineData("/documents/2026D04632/blame?revision=x", 404)]
    [InlineData("/documents/2026D99999/blame", 404)]
    public async Task a_revision_or_document_that_does_not_exist_is_said_so(string url, int status) =>
        await archive.Host.Scenario(s => { s.Get.Url(url); s.StatusCodeShouldBe(status); });
}
