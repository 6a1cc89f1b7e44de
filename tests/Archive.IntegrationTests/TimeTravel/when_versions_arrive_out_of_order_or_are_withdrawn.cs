using System.Text.Json.Nodes;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.TimeTravel;

public sealed class V2ThenV1ThenWithdrawnThenRestored : ArchiveHost
{
    public DateTimeOffset Recorded1 { get; private set; }
    public DateTimeOffset Recorded2 { get; private set; }
    public JsonNode? Withdrawal { get; private set; }
    public JsonNode? SecondWithdrawal { get; private set; }

    protected override async Task Seed()
    {
        await Import(Fixtures.V2, expect: 201);
        await Task.Delay(20);   // distinct recorded times
        await Import(Fixtures.V1);
        var revisions = (await GetJson("/api/documents/2026D04632/revisions"))["revisions"]!.AsArray();
        (Recorded1, Recorded2) = ((DateTimeOffset)revisions[0]!["recordedAt"]!, (DateTimeOffset)revisions[1]!["recordedAt"]!);
        Withdrawal = await (await Post("/api/documents/2026D04632/withdrawal", new { sourceUpdatedAt = "2026-03-01T12:00:00Z", reason = "tk:verwijderd" })).ReadJson();
        SecondWithdrawal = await (await Post("/api/documents/2026D04632/withdrawal", new { sourceUpdatedAt = "2026-03-02T12:00:00Z" })).ReadJson();
        await Post("/api/documents/2026D04632/restoration", new { sourceUpdatedAt = "2026-04-01T12:00:00Z" });
    }
}

[Collection(ArchiveCollection.Name)]
public class when_versions_arrive_out_of_order_or_are_withdrawn(V2ThenV1ThenWithdrawnThenRestored archive) : IClassFixture<V2ThenV1ThenWithdrawnThenRestored>
{
    static string At(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ"));

    async Task<JsonNode> AsOf(string asOf, string axis, int expect = 200, string via = "index") =>
        await archive.GetJson($"/api/documents/2026D04632?asOf={asOf}&axis={axis}&via={via}", expect);

    [Fact]
    public async Task the_axes_disagree_and_both_answers_are_right()
    {
        foreach (var via in new[] { "index", "events" })
        {
            // Between the two recordings the Archive only knew versie 2 (revision 1), whatever the source time.
            var recorded = await AsOf(At(archive.Recorded1 + (archive.Recorded2 - archive.Recorded1) / 2), "recorded", via: via);
            Assert.Equal((1, 2), ((int)recorded["revision"]!, (int)recorded["sourceVersion"]!));
            // On 5 February the source had published versie 1 only (revision 2, recorded later).
            var source = await AsOf("2026-02-05", "source", via: via);
            Assert.Equal((2, 1), ((int)source["revision"]!, (int)source["sourceVersion"]!));
            // Once both were recorded, the recorded axis answers the latest by source time: versie 2 again.
            Assert.Equal(2, (int)(await AsOf(At(archive.Recorded2), "recorded", via: via))["sourceVersion"]!);
        }
    }

    [Fact]
    public void withdrawing_says_so_and_withdrawing_again_changes_nothing()
    {
        Assert.Equal(("withdrawn", true), ((string)archive.Withdrawal!["outcome"]!, (bool)archive.Withdrawal["withdrawn"]!));
        Assert.Equal(("unchanged", true), ((string)archive.SecondWithdrawal!["outcome"]!, (bool)archive.SecondWithdrawal["withdrawn"]!));
    }

    [Theory]
    [InlineData("2026-02-20", 200)]
    [InlineData("2026-03-01T12:00:00Z", 410)]
    [InlineData("2026-03-15", 410)]
    [InlineData("2026-04-01T11:59:59Z", 410)]
    [InlineData("2026-04-15", 200)]
    public async Task withdrawal_and_restoration_show_in_the_source_axis(string asOf, int status)
    {
        foreach (var via in new[] { "index", "events" })
        {
            var answer = await AsOf(asOf, "source", status, via);
            if (status == 410)
            {
                Assert.Contains("was withdrawn by the source at 2026-03-01T12:00:00Z", (string)answer["detail"]!);
                Assert.Equal(DateTimeOffset.Parse("2026-03-01T12:00:00Z"), (DateTimeOffset)answer["withdrawnAt"]!);
            }
            else Assert.Equal(2, (int)answer["sourceVersion"]!);
        }
    }

    [Fact]
    public async Task the_history_and_the_current_state_show_the_status_changes()
    {
        var history = await archive.GetJson("/api/documents/2026D04632/revisions");
        Assert.Equal([true, false], history["statusChanges"]!.AsArray().Select(s => (bool)s!["withdrawn"]!));
        var details = await archive.GetJson("/api/documents/2026D04632");
        Assert.False((bool)details["withdrawn"]!);
        Assert.Equal(DateTimeOffset.Parse("2026-04-01T12:00:00Z"), (DateTimeOffset)details["statusChangedAt"]!);
    }

    [Fact]
    public async Task a_withdrawn_document_is_gone_now_and_back_when_restored()
    {
        await archive.Import(Fixtures.V1.Replace("2026D04632", "2026D00002"), expect: 201);
        await archive.Post("/api/documents/2026D00002/withdrawal", new { sourceUpdatedAt = "2026-05-01T00:00:00Z" });
        var gone = await archive.GetJson("/api/documents/2026D00002", 410);
        Assert.Contains("withdrawn", (string)gone["detail"]!);
        await archive.GetJson("/api/documents/2026D00002/revisions");   // its history stays readable
        await archive.Post("/api/documents/2026D00002/restoration", new { sourceUpdatedAt = "2026-05-02T00:00:00Z" });
        await archive.GetJson("/api/documents/2026D00002");
    }

    [Fact]
    public async Task withdrawing_an_unknown_document_is_a_404_and_needs_the_key()
    {
        await archive.Post("/api/documents/2026D99999/withdrawal", new { }, 404);
        await archive.Host.Scenario(s =>
        {
            s.Post.Json(new { }).ToUrl("/api/documents/2026D04632/withdrawal");
            s.StatusCodeShouldBe(401);
        });
    }
}
