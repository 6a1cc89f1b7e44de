using System.ServiceModel.Syndication;
using System.Text.Json.Nodes;
using System.Xml;
using Alba;
using Archive.IntegrationTests.Infrastructure;
using CloudNative.CloudEvents.SystemTextJson;
using Marten.Events;

namespace Archive.IntegrationTests.ChangeFeed;

public sealed class ThreeChanges : ArchiveHost
{
    protected override async Task Seed()
    {
        await Import(Fixtures.V1, expect: 201);
        await Import(Fixtures.V2);
        await Post("/api/documents/2026D04632/withdrawal", new { sourceUpdatedAt = "2026-03-01T00:00:00Z" });
        await Import(Fixtures.V1.Replace("2026D04632", "2026D00020").Replace("36180 -196", "11111 -1"), expect: 201);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
    }
}

[Collection(ArchiveCollection.Name)]
public class when_reading_the_change_feed(ThreeChanges archive) : IClassFixture<ThreeChanges>
{
    async Task<(List<JsonNode> Events, string Link, string ContentType)> Changes(string query)
    {
        var result = await archive.Host.Scenario(s => s.Get.Url($"/api/changes?{query}"));
        var body = await result.ReadAsTextAsync();
        return (JsonNode.Parse(body)!.AsArray().Select(e => e!).ToList(), result.Context.Response.Headers.Link.ToString(), result.Context.Response.ContentType!);
    }

    [Fact]
    public async Task every_change_is_a_cloudevent_in_sequence_order()
    {
        var (events, link, contentType) = await Changes("after=0");
        Assert.StartsWith("application/cloudevents-batch+json", contentType);
        Assert.Equal(["nl.tweedekamer.archive.document.created.v1", "nl.tweedekamer.archive.document.revised.v1",
            "nl.tweedekamer.archive.document.withdrawn.v1", "nl.tweedekamer.archive.document.created.v1"], events.Select(e => (string)e["type"]!));
        var ids = events.Select(e => long.Parse((string)e["id"]!)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.All(events, e =>
        {
            Assert.Equal("1.0", (string)e["specversion"]!);
            Assert.Equal(long.Parse((string)e["id"]!).ToString("D20"), (string)e["sequence"]!);
        });
        var revised = events[1];
        Assert.Equal(("2026D04632", 2, "36180"), ((string)revised["subject"]!, (int)revised["data"]!["revision"]!, (string)revised["data"]!["dossier"]!));
        Assert.Equal(["versie", "bijgewerkt"], revised["data"]!["changedFields"]!.AsArray().Select(f => (string)f!));
        Assert.Equal("/api/documents/2026D04632/diff?from=1&to=2", (string)revised["data"]!["links"]!["diff"]!);
        // The next page first; then the transparency log's latest checkpoint (see Transparency/).
        Assert.StartsWith($"</api/changes?after={ids[^1]}&limit=100>; rel=\"next\"", link);
    }

    [Fact]
    public async Task the_batch_decodes_as_cloudevents()
    {
        var result = await archive.Host.Scenario(s => s.Get.Url("/api/changes"));
        var formatter = new JsonEventFormatter();
        var decoded = formatter.DecodeBatchModeMessage(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(await result.ReadAsTextAsync())),
            new System.Net.Mime.ContentType("application/cloudevents-batch+json"), [CloudNative.CloudEvents.Extensions.Sequence.SequenceAttribute]);
        Assert.Equal(4, decoded.Count);
        Assert.All(decoded, e => Assert.Equal("/archive", e.Source!.ToString()));
    }

    [Fact]
    public async Task pages_follow_the_next_link_and_end_on_an_empty_page_with_the_same_cursor()
    {
        var (first, link, _) = await Changes("after=0&limit=3");
        Assert.Equal(3, first.Count);
        var after = long.Parse(link.Split("after=")[1].Split('&')[0]);
        var (second, next, _) = await Changes($"after={after}&limit=3");
        Assert.Single(second);
        var end = long.Parse((string)second[0]["id"]!);
        var (empty, same, _) = await Changes($"after={end + 1000}&limit=3");
        Assert.Empty(empty);
        Assert.Contains($"after={end + 1000}&", same);
    }

    [Theory]
    [InlineData("document=2026D00020", 1)]
    [InlineData("dossier=36180", 3)]
    [InlineData("kind=Verslag%20van%20een%20schriftelijk%20overleg", 3)]
    [InlineData("dossier=99999", 0)]
    [InlineData("kind=Motie", 0)]
    public async Task the_filters_narrow_the_feed_and_unknown_values_give_an_empty_one(string filter, int count) =>
        Assert.Equal(count, (await Changes($"after=0&{filter}")).Events.Count);

    [Theory]
    [InlineData("after=-1")]
    [InlineData("after=abc")]
    [InlineData("limit=0")]
    public async Task a_bad_cursor_or_limit_is_a_400(string query) => await archive.GetJson($"/api/changes?{query}", 400);

    [Fact]
    public async Task the_atom_feeds_parse_as_atom()
    {
        foreach (var (url, items) in new[] { ("/feeds/changes.atom", 4), ("/feeds/dossiers/36180.atom", 3) })
        {
            var result = await archive.Host.Scenario(s => s.Get.Url(url));
            Assert.StartsWith("application/atom+xml", result.Context.Response.ContentType);
            var feed = SyndicationFeed.Load(XmlReader.Create(new StringReader(await result.ReadAsTextAsync())));
            Assert.Equal(items, feed.Items.Count());
            Assert.Contains(feed.Items, i => i.Title.Text == "2026D04632 revised (revisie 2)");
        }
    }
}
