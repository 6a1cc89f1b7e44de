using System.Text.Json.Nodes;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.TimeTravel;

public sealed class V1ThenV2 : ArchiveHost
{
    public DateTimeOffset Recorded1 { get; private set; }
    public DateTimeOffset Recorded2 { get; private set; }

    protected override async Task Seed()
    {
        await Import(Fixtures.V1, expect: 201);
        await Task.Delay(20);   // two distinct recorded times, not a wait for background work
        await Import(Fixtures.V2);
        var revisions = (await GetJson("/api/documents/2026D04632/revisions"))["revisions"]!.AsArray();
        (Recorded1, Recorded2) = ((DateTimeOffset)revisions[0]!["recordedAt"]!, (DateTimeOffset)revisions[1]!["recordedAt"]!);
    }
}

[Collection(ArchiveCollection.Name)]
public class when_asking_for_a_document_as_of_a_date(V1ThenV2 archive) : IClassFixture<V1ThenV2>
{
    static string At(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ"));

    async Task<JsonNode> AsOf(string asOf, string axis = "source", int expect = 200, string via = "index") =>
        await archive.GetJson($"/api/documents/2026D04632?asOf={asOf}&axis={axis}&via={via}", expect);

    [Theory]
    [InlineData("2026-02-02T08:51:00Z", 1)]            // at revision 1's source time
    [InlineData("2026-02-05", 1)]                      // between the two
    [InlineData("2026-02-05T00:00:00Z", 1)]
    [InlineData("2026-02-09T14:12", 2)]                // at revision 2, in Dutch local time
    [InlineData("2026-02-09T13:12:00%2B00:00", 2)]
    [InlineData("2199-12-31T00:00:00Z", 2)]            // far in the future (the last year accepted) means now
    public async Task on_the_source_axis_it_is_the_latest_revision_by_bijgewerkt(string asOf, int revision)
    {
        foreach (var via in new[] { "index", "events" })
        {
            var answer = await AsOf(asOf, via: via);
            Assert.Equal(revision, (int)answer["revision"]!);
            Assert.Equal(revision, (int)answer["sourceVersion"]!);
            Assert.Equal("source", (string)answer["axis"]!);
            Assert.Contains($"Revision {revision} has the latest source time", (string)answer["why"]!);
        }
    }

    [Fact]
    public async Task before_its_first_source_time_it_did_not_exist_yet()
    {
        var problem = await AsOf("2026-02-02T08:50:59Z", expect: 404);
        Assert.Contains("did not exist yet at 2026-02-02T08:50:59Z on the source axis; it first appears at 2026-02-02T08:51:00Z", (string)problem["detail"]!);
    }

    [Fact]
    public async Task on_the_recorded_axis_it_is_what_the_archive_answered_then()
    {
        Assert.Equal(1, (int)(await AsOf(At(archive.Recorded1), "recorded"))["revision"]!);
        Assert.Equal(1, (int)(await AsOf(At(archive.Recorded1 + (archive.Recorded2 - archive.Recorded1) / 2), "recorded"))["revision"]!);
        Assert.Equal(2, (int)(await AsOf(At(archive.Recorded2), "recorded"))["revision"]!);
        Assert.Equal(1, (int)(await AsOf(At(archive.Recorded2.AddTicks(-10)), "recorded", via: "events"))["revision"]!);
        var before = await AsOf(At(archive.Recorded1.AddTicks(-10)), "recorded", 404);
        Assert.Contains("on the recorded axis", (string)before["detail"]!);
        Assert.Contains("Archive answered", (string)(await AsOf(At(archive.Recorded2), "recorded"))["why"]!);
    }

    [Theory]
    [InlineData("yesterday", "asOf 'yesterday' is not a moment")]
    [InlineData("2026-02-30", "asOf '2026-02-30' is not a moment")]
    [InlineData("2026-02-05T25:00:00Z", "ISO 8601")]
    public async Task an_unreadable_moment_is_a_400_naming_the_formats(string asOf, string detail) =>
        Assert.Contains(detail, (string)(await AsOf(asOf, expect: 400))["detail"]!);

    [Fact]
    public async Task an_unknown_axis_is_a_400() =>
        Assert.Contains("source", (string)(await AsOf("2026-02-05", "wallclock", 400))["detail"]!);

    [Fact]
    public async Task an_unknown_document_is_a_404() =>
        await archive.GetJson("/api/documents/2026D99999?asOf=2026-02-05", 404);
}
