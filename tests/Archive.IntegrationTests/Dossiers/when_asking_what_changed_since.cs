using System.Text.Json.Nodes;
using Alba;
using Marten;
using Marten.Events;
using Archive.IntegrationTests.Audit;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Dossiers;

/// <summary>Dossier 36180: 2026D04632 created (bijgewerkt 2 February), revised (9 February), withdrawn (1 March).</summary>
[Collection(ArchiveCollection.Name)]
public class when_asking_what_changed_since(V1V2AndAWithdrawal archive) : IClassFixture<V1V2AndAWithdrawal>
{
    async Task<List<JsonNode>> Changes(string query)
    {
        await archive.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        return (await archive.GetJson($"/api/dossiers/36180/changes?{query}"))["changes"]!.AsArray().Select(c => c!).ToList();
    }

    [Fact]
    public async Task every_change_since_then_comes_in_order_and_a_new_version_says_what_changed_in_it()
    {
        var changes = await Changes("since=2026-01-01");
        Assert.Equal(["created", "revised", "withdrawn"], changes.Select(c => (string)c["what"]!));
        var revised = changes[1];
        Assert.Equal(2, (int)revised["revision"]!);
        Assert.Contains("VVD, vraag 6: antwoord gewijzigd (+2 −2 woorden)", revised["summary"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("/api/documents/2026D04632/diff?from=1&to=2", (string)revised["links"]!["diff"]!);
        Assert.Empty(changes[0]["summary"]!.AsArray());
    }

    [Fact]
    public async Task since_a_date_on_the_source_clock_leaves_out_what_came_before()
    {
        Assert.Equal(["revised", "withdrawn"], (await Changes("since=2026-02-05")).Select(c => (string)c["what"]!));
        Assert.Equal(["withdrawn"], (await Changes("since=2026-02-20&axis=source")).Select(c => (string)c["what"]!));
        // Everything was recorded today: on the Archive's clock all three are after February.
        Assert.Equal(3, (await Changes("since=2026-02-20&axis=recorded")).Count);
        Assert.Empty(await Changes("since=2030-01-01&axis=recorded"));
        var limited = await archive.GetJson("/api/dossiers/36180/changes?since=2026-01-01&limit=1");
        Assert.True((bool)limited["more"]!);
    }

    [Theory]
    [InlineData("/api/dossiers/36180/changes", 400)]
    [InlineData("/api/dossiers/36180/changes?since=gisteren", 400)]
    [InlineData("/api/dossiers/36180/changes?since=2026-01-01&axis=sideways", 400)]
    [InlineData("/api/dossiers/36180/changes?since=2026-01-01&limit=0", 400)]
    [InlineData("/api/dossiers/99999/changes?since=2026-01-01", 404)]
    [InlineData("/dossiers/99999/wijzigingen?sinds=2026-01-01", 404)]
    [InlineData("/dossiers/36180/wijzigingen?sinds=gisteren", 400)]
    [InlineData("/dossiers/36180/wijzigingen?sinds=2026-01-01&as=maan", 400)]
    public async Task a_question_it_cannot_answer_is_said_so(string url, int status) =>
        await archive.Host.Scenario(s => { s.Get.Url(url); s.StatusCodeShouldBe(status); });

    [Fact]
    public async Task the_page_lists_the_changes_with_the_summary_and_a_diff_link()
    {
        await archive.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var html = System.Net.WebUtility.HtmlDecode(await (await archive.Host.Scenario(s => s.Get.Url("/dossiers/36180/wijzigingen?sinds=2026-02-05"))).ReadAsTextAsync());
        Assert.Contains("Nieuwe versie (revisie 2)", html);
        Assert.Contains("Ingetrokken", html);
        Assert.DoesNotContain("Nieuw document", html);
        Assert.Contains("VVD, vraag 6: antwoord gewijzigd (+2 −2 woorden)", html);
        Assert.Contains("/documents/2026D04632/diff?from=1&to=2", html);
        Assert.Contains("id=\"wijzigingen-link\"", await (await archive.Host.Scenario(s => s.Get.Url("/dossiers/36180"))).ReadAsTextAsync());
    }
}
