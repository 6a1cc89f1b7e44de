using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Archive.IntegrationTests.Infrastructure;
using Npgsql;

namespace Archive.IntegrationTests.Originals;

/// <summary>An OpenTK page is the original of its revision: kept, served, verified, bundled; and what happens when it is gone or changed.</summary>
[Collection(ArchiveCollection.Name)]
public class when_keeping_the_original_of_an_opentk_page(ArchiveHost archive) : IClassFixture<ArchiveHost>
{
    static string Page(string number) => Fixtures.V1.Replace("2026D04632", number);

    async Task<int> Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(archive.ConnectionString);
        await connection.OpenAsync();
        return await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
    }

    static string Sha256(string page) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(page)));

    [Fact]
    public async Task the_page_is_served_as_it_was_imported()
    {
        await archive.Import(Page("2026D08001"), 201);
        var result = await archive.Host.Scenario(s => s.Get.Url("/api/documents/2026D08001/revisions/1/original"));
        Assert.Equal(Encoding.UTF8.GetBytes(Page("2026D08001")), await SyncedRealOriginals.Bytes(result));
        Assert.Equal("text/plain; charset=utf-8", result.Context.Response.ContentType);
        Assert.Contains("2026D08001-v1.txt", result.Context.Response.Headers.ContentDisposition.ToString());
        Assert.Equal($"sha-256=:{Convert.ToBase64String(Convert.FromHexString(Sha256(Page("2026D08001"))))}:", result.Context.Response.Headers["Repr-Digest"].ToString());

        var revision = await archive.GetJson("/api/documents/2026D08001/revisions/1");
        Assert.Equal("opentk-page/1", (string?)revision["reader"]);
        Assert.Equal("/api/documents/2026D08001/revisions/1/original", (string?)revision["original"]);
    }

    [Fact]
    public async Task importing_the_same_page_again_keeps_nothing_new()
    {
        await archive.Import(Page("2026D08002"), 201);
        var before = await Count();
        await archive.Import(Page("2026D08002"), 200);
        Assert.Equal(before, await Count());
    }

    async Task<long> Count()
    {
        await using var connection = new NpgsqlConnection(archive.ConnectionString);
        await connection.OpenAsync();
        return (long)(await new NpgsqlCommand("select count(*) from archive.originals", connection).ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task bad_revisions_are_refused_with_problem_details()
    {
        await archive.Import(Page("2026D08003"), 201);
        var unknownRevision = await archive.Host.Scenario(s => { s.Get.Url("/api/documents/2026D08003/revisions/7/original"); s.StatusCodeShouldBe(404); });
        Assert.Contains("no revision 7", await unknownRevision.ReadAsTextAsync());
        await archive.Host.Scenario(s => { s.Get.Url("/api/documents/2026D09999/revisions/1/original"); s.StatusCodeShouldBe(404); });
        var notANumber = await archive.Host.Scenario(s => { s.Get.Url("/api/documents/2026D08003/revisions/abc/original"); s.IgnoreStatusCode(); });
        Assert.InRange(notANumber.Context.Response.StatusCode, 400, 404);
    }

    [Fact]
    public async Task a_revision_captured_before_originals_were_kept_says_so_and_verify_lists_it_without_failing()
    {
        await archive.Import(Page("2026D08004"), 201);
        await Execute($"delete from archive.originals where sha256 = '{Sha256(Page("2026D08004"))}'");
        var missing = await archive.Host.Scenario(s => { s.Get.Url("/api/documents/2026D08004/revisions/1/original"); s.StatusCodeShouldBe(404); });
        Assert.Contains("before the Archive kept originals", await missing.ReadAsTextAsync());
        var report = await archive.GetJson("/api/documents/2026D08004/verify");
        Assert.True((bool)report["intact"]!, report.ToJsonString());
        Assert.Equal(1, (int)report["withoutOriginal"]![0]!["revision"]!);
    }

    [Fact]
    public async Task a_changed_original_is_not_served_as_genuine_and_verify_names_it()
    {
        await archive.Import(Page("2026D08005"), 201);
        Assert.Equal(1, await Execute($"update archive.original_parts set data = overlay(data placing '\\x58'::bytea from 10) where sha256 = '{Sha256(Page("2026D08005"))}'"));
        var served = await archive.Host.Scenario(s => { s.Get.Url("/api/documents/2026D08005/revisions/1/original"); s.StatusCodeShouldBe(500); });
        Assert.Contains("no longer have the SHA-256", await served.ReadAsTextAsync());
        var report = await archive.GetJson("/api/documents/2026D08005/verify");
        Assert.False((bool)report["intact"]!);
        Assert.Contains("original of revision 1 has been changed", report["problems"]!.ToJsonString());
    }

    [Fact]
    public async Task the_evidence_bundle_holds_the_original_under_its_hash_unless_asked_not_to()
    {
        await archive.Import(Page("2026D08006"), 201);
        var sha = Sha256(Page("2026D08006"));
        var with = await Entries("/api/documents/2026D08006/history.zip");
        Assert.Equal(Encoding.UTF8.GetBytes(Page("2026D08006")), with[$"2026D08006/originals/{sha}"]);
        Assert.Contains($"  originals/{sha}\n", Encoding.UTF8.GetString(with["2026D08006/SHA256SUMS"]));
        var without = await Entries("/api/documents/2026D08006/history.zip?originals=false");
        Assert.DoesNotContain(without.Keys, k => k.Contains("/originals/"));
    }

    async Task<Dictionary<string, byte[]>> Entries(string url)
    {
        var result = await archive.Host.Scenario(s => s.Get.Url(url));
        using var zip = new ZipArchive(new MemoryStream(await SyncedRealOriginals.Bytes(result)));
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var buffer = new MemoryStream();
            using (var stream = e.Open()) stream.CopyTo(buffer);
            return buffer.ToArray();
        });
    }
}
