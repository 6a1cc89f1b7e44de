using System.Security.Cryptography;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Originals;

/// <summary>The real PDF, both real .docx and the real .doc, synced from SyncFeed pages: each kept byte for byte and served as it was.</summary>
[Collection(ArchiveCollection.Name)]
public class when_keeping_the_originals_of_real_files(SyncedRealOriginals archive) : IClassFixture<SyncedRealOriginals>
{
    [SkippableFact]
    public async Task every_file_is_served_byte_for_byte_with_its_type_digest_and_name()
    {
        SharedFixtures.Require();
        foreach (var (number, file, type) in SyncedRealOriginals.Files)
        {
            var expected = await File.ReadAllBytesAsync(Path.Combine(SyncedRealOriginals.Real, file));
            var result = await archive.Original(number);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expected)), Convert.ToHexStringLower(SHA256.HashData(await SyncedRealOriginals.Bytes(result))));
            var headers = result.Context.Response.Headers;
            Assert.Equal(type, result.Context.Response.ContentType);
            Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(expected))}:", headers["Repr-Digest"].ToString());
            Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(expected))}\"", headers.ETag.ToString());
            Assert.Contains("immutable", headers.CacheControl.ToString());
            Assert.Contains($"filename={number}-v", headers.ContentDisposition.ToString());
            Assert.EndsWith(Path.GetExtension(file), headers.ContentDisposition.ToString().Split(';').First(p => p.Trim().StartsWith("filename=")).Trim());
        }
    }

    [SkippableFact]
    public void the_same_file_named_by_two_documents_is_stored_once_and_a_second_sync_stores_nothing()
    {
        SharedFixtures.Require();
        var distinct = SyncedRealOriginals.Files.Select(f => f.File).Distinct().Sum(f => new FileInfo(Path.Combine(SyncedRealOriginals.Real, f)).Length);
        Assert.Equal(distinct, archive.AfterFirst.Bytes);
        Assert.True(archive.BytesReceived > distinct);
        Assert.True(archive.RevisionsAfterSecond > archive.RevisionsAfterFirst, "the second sync read the .docx files again and recorded their texts");
        Assert.Equal(archive.AfterFirst, archive.AfterSecond);
    }

    [SkippableFact]
    public async Task a_range_is_served_as_asked_and_one_past_the_end_is_refused()
    {
        SharedFixtures.Require();
        var pdf = await File.ReadAllBytesAsync(Path.Combine(SyncedRealOriginals.Real, SyncedRealOriginals.Files[0].File));
        var part = await archive.Original("2025D16323", range: "bytes=100-199", expect: 206);
        Assert.Equal(pdf[100..200], await SyncedRealOriginals.Bytes(part));
        Assert.Equal($"bytes 100-199/{pdf.Length}", part.Context.Response.Headers.ContentRange.ToString());
        var tail = await archive.Original("2025D16323", range: $"bytes={pdf.Length - 10}-", expect: 206);
        Assert.Equal(pdf[^10..], await SyncedRealOriginals.Bytes(tail));
        await archive.Original("2025D16323", range: $"bytes={pdf.Length + 5}-{pdf.Length + 50}", expect: 416);
    }

    [SkippableFact]
    public async Task the_document_page_links_each_revisions_original_with_its_type_and_size()
    {
        SharedFixtures.Require();
        var page = await archive.Host.Scenario(s => s.Get.Url("/documents/2025D16323"));
        var html = await page.ReadAsTextAsync();
        Assert.Contains("origineel (.pdf, 21 kB)", html);
        Assert.Contains("href=\"/api/documents/2025D16323/revisions/1/original\"", html);
    }

    [SkippableFact]
    public async Task verify_reads_every_original_against_its_event()
    {
        SharedFixtures.Require();
        var report = await archive.GetJson("/api/documents/2025D17381/verify");
        Assert.True((bool)report["intact"]!, report.ToJsonString());
        Assert.True((int)report["originalsChecked"]! >= 1);
        Assert.Empty(report["withoutOriginal"]!.AsArray());
    }

    [SkippableFact]
    public async Task each_text_names_the_reader_that_read_it_from_the_original()
    {
        SharedFixtures.Require();
        Assert.Equal("pdf/1", (string?)(await archive.GetJson("/api/documents/2025D16323/revisions/1"))["reader"]);
        Assert.Equal("docx/1", (string?)(await archive.GetJson("/api/documents/2025D17381/revisions/2"))["reader"]);
        Assert.Equal("doc/1", (string?)(await archive.GetJson("/api/documents/2009D26343/revisions/1"))["reader"]);
    }
}
