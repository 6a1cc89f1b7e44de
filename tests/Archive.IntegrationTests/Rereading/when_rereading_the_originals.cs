using System.IO.Compression;
using System.Text;
using Archive.Api.Documents.Evidence;
using Archive.Api.Documents.Rereading;
using Archive.Api.Documents.TimeTravel;
using Archive.Api.Originals;
using Archive.IntegrationTests.Infrastructure;
using Archive.IntegrationTests.Originals;
using Archive.IntegrationTests.Transparency;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.IntegrationTests.Rereading;

/// <summary>
/// Three revisions of two documents, read again by a changed reader: it reads "parters" as "partners"
/// in 2026D08301's pages only (the typo its first version has and its second fixes). Checkpoints of
/// the log before and after the reread.
/// </summary>
public sealed class RereadArchive : ArchiveHost
{
    public const string Changed = "2026D08301", Other = "2026D08302";
    public RereadTally First { get; private set; } = null!;
    public RereadTally Again { get; private set; } = null!;
    public string Before { get; private set; } = "";
    public string After { get; private set; } = "";

    /// <summary>Today's reader, but one that mends the typo in one document: the reader whose version moved.</summary>
    public static ReadingResult Mending(RevisionRecord revision, byte[] original)
    {
        var reading = Rereader.Current(revision, original);
        return revision.DocumentNumber == Changed ? new ReadingResult(reading.Text!.Replace("parters", "partners"), "opentk-page/2") : reading;
    }

    protected override async Task Seed()
    {
        await Import(Fixtures.V1.Replace("2026D04632", Changed), expect: 201);
        await Import(Fixtures.V2.Replace("2026D04632", Changed));
        await Import(Fixtures.V1.Replace("2026D04632", Other), expect: 201);
        Before = await this.CaughtUpCheckpoint();
        First = await Reread();
        Again = await Reread();
        After = await this.CaughtUpCheckpoint();
    }

    Task<RereadTally> Reread() => Rereader.RunAsync(Host.Services.GetRequiredService<IDocumentStore>(), Host.Services.GetRequiredService<OriginalStores>(),
        Mending, new RereadScope(new HashSet<string>(), new HashSet<string>()), TimeProvider.System, null, CancellationToken.None);
}

[Collection(ArchiveCollection.Name)]
public class when_rereading_the_originals(RereadArchive archive) : IClassFixture<RereadArchive>
{
    [Fact]
    public void a_reading_is_appended_only_where_the_text_changed_and_a_second_run_appends_none()
    {
        Assert.Equal((3, 1, 2, 0), (archive.First.Revisions, archive.First.Reread, archive.First.Unchanged, archive.First.Failed));
        Assert.Equal((3, 0, 3), (archive.Again.Revisions, archive.Again.Reread, archive.Again.Unchanged));
    }

    [Fact]
    public async Task every_view_reads_the_new_reading()
    {
        var revision = await archive.GetJson($"/api/documents/{RereadArchive.Changed}/revisions/1");
        Assert.Contains("partners", (string)revision["text"]!);
        Assert.DoesNotContain("parters", (string)revision["text"]!);
        Assert.Equal("opentk-page/2", (string?)revision["reader"]);
        var diff = await archive.Host.Scenario(s => s.Get.Url($"/api/documents/{RereadArchive.Changed}/diff?from=1&to=2&format=unified"));
        Assert.DoesNotContain("parters", await diff.ReadAsTextAsync());
        var search = await archive.GetJson("/api/search?q=partners");
        Assert.Contains(RereadArchive.Changed, search.ToJsonString());
        var history = await archive.GetJson($"/api/documents/{RereadArchive.Changed}/revisions");
        Assert.Equal(2, history["revisions"]!.AsArray().Count);
    }

    [Fact]
    public async Task the_chain_still_verifies_and_the_change_feed_says_reread_in_its_own_type()
    {
        var report = await archive.GetJson($"/api/documents/{RereadArchive.Changed}/verify");
        Assert.True((bool)report["intact"]!, report.ToJsonString());
        Assert.Equal(3, (int)report["events"]!);
        var changes = (await archive.GetJson("/api/changes?after=0&limit=100")).ToJsonString();
        Assert.Contains("nl.tweedekamer.archive.document.reread.v1", changes);
    }

    [Fact]
    public async Task the_go_verifier_accepts_the_reading_in_the_log_and_the_log_as_an_extension_of_the_one_before()
    {
        var (before, after) = (LogHelpers.Body(archive.Before), LogHelpers.Body(archive.After));
        Assert.Equal(before.Size + 1, after.Size);
        var proof = await archive.GetJson($"/log/proof?index={after.Size - 1}");
        var record = Encoding.UTF8.GetBytes((string)proof["record"]!);
        Assert.Contains("text_reread", Encoding.UTF8.GetString(record));
        var consistency = await archive.GetJson($"/log/consistency?from={before.Size}&to={after.Size}");
        var (code, lines) = GoVerifier.Check((await archive.Text("/log/key")).Trim(), archive.After,
        [
            GoVerifier.Inclusion(after.Size - 1, record, proof["proof"]!.AsArray().Select(h => (string)h!)),
            GoVerifier.Consistency(before.Size, before.Root, consistency["proof"]!.AsArray().Select(h => (string)h!)),
        ]);
        Assert.True(code == 0, string.Join('\n', lines));
        Assert.Equal(["ok", "ok"], lines.Skip(1));
    }

    [Fact]
    public async Task the_evidence_bundle_verifies_offline_and_holds_both_readings()
    {
        var zip = await SyncedRealOriginals.Bytes(await archive.Host.Scenario(s => s.Get.Url($"/api/documents/{RereadArchive.Changed}/history.zip")));
        var report = BundleCheck.Check(new MemoryStream(zip), (await archive.Text("/log/key")).Trim());
        Assert.True(report.Intact, string.Join('\n', report.Problems));
        using var archiveZip = new ZipArchive(new MemoryStream(zip));
        string Read(string name) { using var r = new StreamReader(archiveZip.GetEntry($"{RereadArchive.Changed}/{name}")!.Open()); return r.ReadToEnd(); }
        Assert.Contains("parters", Read("revisions/0001/text.txt"));
        Assert.Contains("partners", Read("readings/0003.txt"));
    }
}
