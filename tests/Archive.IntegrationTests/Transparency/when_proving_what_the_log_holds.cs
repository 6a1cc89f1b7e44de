using System.Text.Json.Nodes;
using Archive.Api.Transparency;
using Archive.Content.Transparency;
using Archive.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.IntegrationTests.Transparency;

/// <summary>Two documents: one with two revisions and a withdrawal, one with a revision.</summary>
public sealed class ThreeDocumentsLogged : ArchiveHost
{
    public string FirstCheckpoint = "", SecondCheckpoint = "";

    protected override void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        builder.UseSetting("Archive:ChangeFeed:HeartbeatSeconds", "1");
        builder.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ChangeFeed.TestClientAddress>());
    }

    protected override async Task Seed()
    {
        await Import(Fixtures.V1, expect: 201);
        await Import(Fixtures.V2);
        FirstCheckpoint = await this.CaughtUpCheckpoint();
        await Import(Fixtures.V1.Replace("2026D04632", "2026D04633"), expect: 201);
        await Post("/api/documents/2026D04632/withdrawal", new { sourceUpdatedAt = "2026-03-01T00:00:00Z" });
        SecondCheckpoint = await this.CaughtUpCheckpoint();
    }
}

[Collection(ArchiveCollection.Name)]
public class when_proving_what_the_log_holds(ThreeDocumentsLogged archive) : IClassFixture<ThreeDocumentsLogged>
{
    async Task<string> Key() => (await archive.Text("/log/key")).Trim();

    [Fact]
    public async Task every_event_is_a_leaf_in_the_stores_order_and_the_checkpoint_is_signed_over_them()
    {
        var note = await archive.Text("/log/checkpoint");
        Assert.Equal(archive.SecondCheckpoint, note);
        var text = NoteKeys.Open(note, await Key(), out var why);
        Assert.True(text is not null, why);
        var checkpoint = LogHelpers.Body(note);
        Assert.Equal("localhost/log", checkpoint.Origin);
        Assert.Equal(4, checkpoint.Size);

        var records = (await archive.Records(checkpoint.Size)).Select(r => LogRecord.Parse(r)!).ToList();
        Assert.Equal(["2026D04632/1", "2026D04632/2", "2026D04633/1", "2026D04632/3"], records.Select(r => $"{r.Stream}/{r.Version}"));
        Assert.Equal(["revision_imported", "revision_imported", "revision_imported", "document_withdrawn"], records.Select(r => r.Type));
        Assert.True(records.Zip(records.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
        Assert.Null(records[3].TextSha256);

        var revision = await archive.GetJson("/api/documents/2026D04632/revisions/2");
        Assert.Equal((string)revision["revision"]!["contentHash"]!, records[1].TextSha256);
    }

    [Fact]
    public async Task an_inclusion_proof_leads_from_the_revisions_record_to_the_signed_root()
    {
        var proof = await archive.GetJson("/api/documents/2026D04632/revisions/2/proof");
        var checkpoint = LogHelpers.Body(archive.SecondCheckpoint);
        Assert.Equal(1, (long)proof["leafIndex"]!);
        Assert.Equal(checkpoint.Size, (long)proof["treeSize"]!);
        Assert.Equal(archive.SecondCheckpoint, (string)proof["checkpoint"]!);
        var record = LogRecord.Parse(System.Text.Encoding.UTF8.GetBytes((string)proof["record"]!))!;
        Assert.Equal(("2026D04632", 2L), (record.Stream, record.Version));
        var path = proof["proof"]!.AsArray().Select(h => Convert.FromBase64String((string)h!)).ToList();
        Assert.True(MerkleTree.VerifyInclusion(1, checkpoint.Size, record.LeafHash, path, checkpoint.Root));

        var plain = await archive.Text("/api/documents/2026D04632/revisions/2/proof", accept: "text/plain");
        Assert.Equal(path.Select(Convert.ToBase64String), plain.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task a_proof_in_an_older_tree_checks_against_that_trees_checkpoint()
    {
        var older = LogHelpers.Body(archive.FirstCheckpoint);
        var proof = await archive.GetJson($"/api/documents/2026D04632/revisions/1/proof?size={older.Size}");
        Assert.Equal(archive.FirstCheckpoint, (string)proof["checkpoint"]!);
        var path = proof["proof"]!.AsArray().Select(h => Convert.FromBase64String((string)h!)).ToList();
        Assert.True(MerkleTree.VerifyInclusion(0, older.Size, Convert.FromBase64String((string)proof["leafHash"]!), path, older.Root));
        Assert.Equal(archive.FirstCheckpoint, await archive.Text($"/log/checkpoints?size={older.Size}"));
    }

    [Fact]
    public async Task the_older_checkpoint_is_consistent_with_the_newer()
    {
        var (older, newer) = (LogHelpers.Body(archive.FirstCheckpoint), LogHelpers.Body(archive.SecondCheckpoint));
        var json = await archive.GetJson($"/log/consistency?from={older.Size}&to={newer.Size}");
        var proof = json["proof"]!.AsArray().Select(h => Convert.FromBase64String((string)h!)).ToList();
        Assert.True(MerkleTree.VerifyConsistency(older.Size, older.Root, newer.Size, newer.Root, proof));
        Assert.False(MerkleTree.VerifyConsistency(older.Size, MerkleTree.LeafHash([1]), newer.Size, newer.Root, proof));
        var listed = (await archive.GetJson("/log/checkpoints"))["checkpoints"]!.AsArray().Select(c => (long)c!["size"]!).ToList();
        Assert.Equal(listed.OrderDescending(), listed);
        Assert.Contains(older.Size, listed);
        Assert.Equal(newer.Size, listed[0]);
    }

    [Fact]
    public async Task tiles_hold_the_leaf_hashes_and_are_kept_for_ever()
    {
        var size = LogHelpers.Body(archive.SecondCheckpoint).Size;
        var tile = await archive.Bytes($"/log/tile/0/000.p/{size}");
        var records = await archive.Records(size);
        Assert.Equal(records.SelectMany(r => MerkleTree.LeafHash(r)).ToArray(), tile);
        var result = await archive.Host.Scenario(s => { s.Get.Url("/log/tile/0/000.p/2"); s.StatusCodeShouldBe(200); });
        Assert.Contains("immutable", result.Context.Response.Headers.CacheControl.ToString());
    }

    [Theory]
    [InlineData("/api/documents/2026D99999/revisions/1/proof", 404, "Unknown document")]
    [InlineData("/api/documents/2026D04632/revisions/9/proof", 404, "Revision not in the log yet")]
    [InlineData("/api/documents/2026D04633/revisions/1/proof?size=2", 409, "Not in that tree yet")]
    [InlineData("/api/documents/2026D04632/revisions/1/proof?size=99", 400, "Invalid tree size")]
    [InlineData("/log/consistency?from=3&to=2", 400, "Invalid tree sizes")]
    [InlineData("/log/consistency?from=1&to=99", 400, "Invalid tree sizes")]
    [InlineData("/log/consistency?from=-1", 400, "Invalid tree sizes")]
    [InlineData("/log/checkpoints?size=3", 404, "No such checkpoint")]
    [InlineData("/log/tile/0/000", 404, "No such tile")]
    [InlineData("/log/tile/0/001.p/1", 404, "No such tile")]
    [InlineData("/log/tile/0/0", 404, "No such tile")]
    [InlineData("/log/tile/9/000", 404, "No such tile")]
    [InlineData("/log/tile/0/000.p/0", 404, "No such tile")]
    [InlineData("/log/tile/0/x000/x999/999999", 404, "No such tile")]
    [InlineData("/log/tile/0/x999/x999/x999/x999/x999/x999/x999/999", 404, "No such tile")]
    [InlineData("/log/tile/entries/001", 404, "No such tile")]
    [InlineData("/api/documents/2026D04632/revisions/1/proof?size=0", 400, "Invalid tree size")]
    [InlineData("/log/proof?index=0&size=-3", 400, "Invalid tree size")]
    [InlineData("/log/proof?index=-1", 404, "No such leaf")]
    [InlineData("/log/records/99", 404, "No such leaf")]
    public async Task a_question_the_log_cannot_answer_gets_a_problem(string url, int status, string title)
    {
        var problem = JsonNode.Parse(await archive.Text(url, status))!;
        Assert.Equal(title, (string)problem["title"]!);
    }

    [Fact]
    public async Task the_change_feeds_name_the_latest_checkpoint()
    {
        var latest = LogHelpers.Body(archive.SecondCheckpoint);
        var root = Convert.ToBase64String(latest.Root);
        var page = await archive.Host.Scenario(s => s.Get.Url("/api/changes"));
        Assert.Contains($"</log/checkpoints?size=4>; rel=\"checkpoint\"; tree-size=\"4\"; root-hash=\"{root}\"", page.Context.Response.Headers.Link.ToString());
        var atom = await archive.Text("/feeds/changes.atom");
        Assert.Contains("rel=\"checkpoint\"", atom);
        Assert.Contains($"checkpoint 4 {root}", atom);
        using var stream = await ChangeFeed.EventStream.Open(archive.Host, "10.0.0.1");
        Assert.Equal($"heartbeat checkpoint 4 {root}", await stream.NextComment());
    }

    [Fact]
    public async Task signing_on_demand_needs_the_api_key() =>
        await archive.Host.Scenario(s => { s.Post.Url("/log/checkpoint"); s.StatusCodeShouldBe(401); });
}
