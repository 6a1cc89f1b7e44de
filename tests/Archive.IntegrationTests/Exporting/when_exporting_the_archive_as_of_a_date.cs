using System.Text.Json.Nodes;
using Alba;
using Archive.IntegrationTests.Audit;
using Archive.IntegrationTests.CommandLine;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Exporting;

[Collection(ArchiveCollection.Name)]
public class when_exporting_the_archive_as_of_a_date(V1V2AndAWithdrawal archive) : IClassFixture<V1V2AndAWithdrawal>
{
    async Task<List<JsonNode>> Export(string query)
    {
        var result = await archive.Host.Scenario(s =>
        {
            s.Get.Url($"/api/export?{query}");
            s.ContentTypeShouldBe("application/x-ndjson; charset=utf-8");
        });
        return (await result.ReadAsTextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
    }

    [Fact]
    public async Task each_document_is_one_line_in_its_revision_at_that_moment()
    {
        var lines = await Export("asOf=2026-02-05");
        Assert.Equal(["2026D00005", "2026D04632"], lines.Select(l => (string)l["number"]!));
        var document = lines.Single(l => (string)l["number"]! == "2026D04632");
        Assert.Equal(1, (int)document["sourceVersion"]!);
        Assert.Contains("Vastgesteld …………. 2026", (string)document["text"]!);
        Assert.Equal("36180", (string)document["metadata"]!["dossier"]!["number"]!);
    }

    [Fact]
    public async Task withdrawn_and_not_yet_existing_documents_are_left_out()
    {
        Assert.Equal(["2026D00005"], (await Export("asOf=2026-03-15")).Select(l => (string)l["number"]!));
        Assert.Empty(await Export("asOf=2026-01-01"));
        Assert.Equal(2, (int)(await Export("asOf=2026-02-20"))[1]["sourceVersion"]!);
    }

    [Fact]
    public async Task the_filters_narrow_it_to_a_dossier_or_a_kind()
    {
        Assert.Equal(["2026D04632"], (await Export("asOf=2026-02-05&dossier=36180")).Select(l => (string)l["number"]!));
        Assert.Equal(["2026D00005"], (await Export("asOf=2026-02-05&kind=brief%20regering")).Select(l => (string)l["number"]!));
    }

    [Fact]
    public async Task bad_moments_and_axes_are_400s()
    {
        await archive.GetJson("/api/export?asOf=tomorrow", 400);
        await archive.GetJson("/api/export?axis=wall", 400);
    }

    [Fact]
    public async Task the_cli_writes_the_same_lines_to_standard_output()
    {
        var run = await ArchiveCli.Execute(archive.ConnectionString, "export", "--as-of", "2026-02-05");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("{\"number\":", l));
        Assert.Contains("export: 2 documents", run.Errors);
        var bad = await ArchiveCli.Execute(archive.ConnectionString, "export", "--as-of", "someday");
        Assert.NotEqual(0, bad.ExitCode);
    }
}
