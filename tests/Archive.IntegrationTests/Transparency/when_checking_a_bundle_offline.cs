using System.IO.Compression;
using Archive.Api.Documents.Evidence;
using Archive.IntegrationTests.CommandLine;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Transparency;

/// <summary>A document of two revisions and a withdrawal, logged and signed; the bundle downloaded once.</summary>
public sealed class BundleDownloaded : ArchiveHost
{
    public byte[] Zip = [];
    public string VerifierKey = "";

    protected override async Task Seed()
    {
        await Import(Fixtures.V1, expect: 201);
        await Import(Fixtures.V2);
        await Post("/api/documents/2026D04632/withdrawal", new { sourceUpdatedAt = "2026-03-01T00:00:00Z" });
        await Import(Fixtures.V1.Replace("2026D04632", "2026D04633"), expect: 201);
        await this.CaughtUpCheckpoint();
        VerifierKey = (await this.Text("/log/key")).Trim();
        Zip = await this.Bytes("/api/documents/2026D04632/history.zip");
    }
}

[Collection(ArchiveCollection.Name)]
public class when_checking_a_bundle_offline(BundleDownloaded archive) : IClassFixture<BundleDownloaded>, IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("archive-bundle-check-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        });
    }

    static byte[] Zipped(Dictionary<string, byte[]> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        return buffer.ToArray();
    }

    [Fact]
    public async Task the_command_passes_it_with_no_database_and_fails_a_changed_file_naming_it()
    {
        var intact = Path.Combine(_folder, "history.zip");
        await File.WriteAllBytesAsync(intact, archive.Zip);
        // No connection string: the command must not need (nor start) a database.
        var run = await ArchiveCli.Execute("", ["verify", "--bundle", intact, "--key", archive.VerifierKey]);
        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Contains("2026D04632: intact: 3 events, 3 of them proven in the log's signed tree of 4 leaves", run.Output);

        var entries = Entries(archive.Zip);
        entries["2026D04632/revisions/0002/text.txt"][10] ^= 1;
        var changed = Path.Combine(_folder, "changed.zip");
        await File.WriteAllBytesAsync(changed, Zipped(entries));
        run = await ArchiveCli.Execute("", ["verify", "--bundle", changed, "--key", archive.VerifierKey]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("revisions/0002/text.txt: its SHA-256 is not the one SHA256SUMS lists", run.Output);
    }

    [Fact]
    public void the_bundle_holds_the_checkpoint_and_a_record_and_proof_per_event()
    {
        var names = Entries(archive.Zip).Keys.Select(n => n["2026D04632/".Length..]).ToList();
        Assert.Contains("log/checkpoint", names);
        Assert.Equal(["log/0001.proof", "log/0001.record", "log/0002.proof", "log/0002.record", "log/0003.proof", "log/0003.record"],
            names.Where(n => n.StartsWith("log/0", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void one_byte_changed_in_any_file_fails_the_check_and_names_the_file()
    {
        var original = Entries(archive.Zip);
        Assert.True(BundleCheck.Check(new MemoryStream(archive.Zip), archive.VerifierKey).Intact);
        foreach (var name in original.Keys)
        {
            var entries = Entries(archive.Zip);
            var bytes = entries[name];
            bytes[bytes.Length / 2] ^= 0x20;
            var report = BundleCheck.Check(new MemoryStream(Zipped(entries)), archive.VerifierKey);
            var file = name["2026D04632/".Length..];
            Assert.False(report.Intact, $"{file} changed, yet the bundle checked");
            Assert.Contains(report.Problems, p => p.StartsWith(file + ":", StringComparison.Ordinal) || p.Contains(file, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void files_changed_together_so_the_sums_agree_are_caught_by_the_chain_and_the_log()
    {
        var entries = Entries(archive.Zip);
        var eventName = entries.Keys.Single(k => k.Contains("events/0002-"));
        entries[eventName] = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(entries[eventName]).Replace("2026", "2025"));
        var sums = entries.Where(e => !e.Key.EndsWith("SHA256SUMS")).Select(e =>
            $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(e.Value))}  {e.Key["2026D04632/".Length..]}\n");
        entries["2026D04632/SHA256SUMS"] = System.Text.Encoding.UTF8.GetBytes(string.Concat(sums));
        var report = BundleCheck.Check(new MemoryStream(Zipped(entries)), archive.VerifierKey);
        Assert.Contains(report.Problems, p => p.StartsWith("events/0003-") && p.Contains("links to"));
        Assert.Contains(report.Problems, p => p.StartsWith("log/0002.record: names event hash"));
    }

    [Fact]
    public void another_key_does_not_open_the_checkpoint()
    {
        var other = Archive.Content.Transparency.NoteSigner.Generate("localhost/log").VerifierKey;
        var report = BundleCheck.Check(new MemoryStream(archive.Zip), other);
        Assert.Contains(report.Problems, p => p.StartsWith("log/checkpoint: the note is not signed by"));
    }

    [Fact]
    public async Task a_command_without_a_key_or_with_a_file_that_is_not_a_zip_fails_with_one_line()
    {
        var path = Path.Combine(_folder, "not.zip");
        await File.WriteAllTextAsync(path, "not a zip");
        var run = await ArchiveCli.Execute("", ["verify", "--bundle", path]);
        Assert.Equal((1, "verify: --bundle needs the log's verifier key: --key <name+id+key> (GET /log/key)"), (run.ExitCode, run.Errors.Trim()));
        run = await ArchiveCli.Execute("", ["verify", "--bundle", path, "--key", archive.VerifierKey]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not a readable zip", run.Output);
    }
}
