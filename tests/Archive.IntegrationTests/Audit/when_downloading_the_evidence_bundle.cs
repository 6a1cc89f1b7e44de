using System.Diagnostics;
using Alba;
using System.IO.Compression;
using System.Security.Cryptography;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Audit;

[Collection(ArchiveCollection.Name)]
public class when_downloading_the_evidence_bundle(V1V2AndAWithdrawal archive) : IClassFixture<V1V2AndAWithdrawal>, IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("archive-bundle-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    async Task<string> Unzip()
    {
        var result = await archive.Host.Scenario(s =>
        {
            s.Get.Url("/api/documents/2026D04632/history.zip");
            s.ContentTypeShouldBe("application/zip");
        });
        var bytes = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(bytes);
        bytes.Position = 0;
        await using (var zip = new ZipArchive(bytes)) zip.ExtractToDirectory(_folder);
        return Path.Combine(_folder, "2026D04632");
    }

    static string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    [Fact]
    public async Task sha256sum_checks_every_file_offline()
    {
        var folder = await Unzip();
        var info = new ProcessStartInfo("sha256sum", "-c SHA256SUMS") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("events/0001-RevisionImported.json: OK", output);
        Assert.Contains("revisions/0002/text.txt: OK", output);
    }

    [Fact]
    public async Task each_event_file_hashes_to_the_link_the_next_event_names()
    {
        var folder = await Unzip();
        var chain = File.ReadAllLines(Path.Combine(folder, "chain.tsv")).Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.Equal(3, chain.Count);
        Assert.Equal("", chain[0][3]);
        for (var k = 0; k < chain.Count; k++)
        {
            Assert.Equal(chain[k][2], Sha256(Path.Combine(folder, chain[k][1])));
            if (k > 0) Assert.Equal(chain[k - 1][2], chain[k][3]);
        }
        Assert.Equal(chain[0][4], Sha256(Path.Combine(folder, "revisions/0001/text.txt")));
        Assert.Equal("14b77bc85d36b3fe8f41472187bfd81a03fd819a433c547cc4946e534915bd56", chain[0][4]);
        Assert.EndsWith("DocumentWithdrawn.json", chain[2][1]);
        var verify = await archive.GetJson("/api/documents/2026D04632/verify");
        Assert.Equal(chain[2][2], (string)verify["headHash"]!);
    }

    [Fact]
    public async Task an_unknown_document_has_no_bundle() => await archive.GetJson("/api/documents/2026D99999/history.zip", 404);
}

public sealed class V1V2AndAWithdrawal : ArchiveHost
{
    protected override async Task Seed()
    {
        await Import(Fixtures.V1, expect: 201);
        await Import(Fixtures.V2);
        await Post("/api/documents/2026D04632/withdrawal", new { sourceUpdatedAt = "2026-03-01T00:00:00Z", reason = "tk:verwijderd" });
        await Import(Fixtures.V1.Replace("2026D04632", "2026D00005").Replace("36180 -196", "36999 -3")
            .Replace("Verslag van een schriftelijk overleg\n\nNummer", "Brief regering\n\nNummer"), expect: 201);
    }
}
