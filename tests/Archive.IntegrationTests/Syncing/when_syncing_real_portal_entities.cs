using System.Text.Json.Nodes;
using Archive.Api.Documents.GettingDetails;
using Archive.Api.Importing.Syncing;
using Archive.Api.Importing.Syncing.Gaps;
using Archive.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.IntegrationTests.Syncing;

/// <summary>The clock of the Archive, but later by as much as the test says: to make gaps due without waiting.</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Ahead { get; set; }
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Ahead;
}

public sealed class SyncedFromRealEntities : ArchiveHost
{
    public SyncReport First { get; private set; } = null!;
    public SyncReport Second { get; private set; } = null!;
    public SyncReport FromTheStart { get; private set; } = null!;
    public SyncReport AfterRepair { get; private set; } = null!;
    public int FirstDownloads { get; private set; }
    public int LaterDownloads { get; private set; }
    public int RepairDownloads { get; private set; }
    public long EventsAfterFirst { get; private set; }
    public long EventsBeforeRepair { get; private set; }
    public IReadOnlyList<SyncGap> GapsAfterFirst { get; private set; } = [];
    public IReadOnlyList<SyncGap> GapsAfterRepair { get; private set; } = [];
    public Dictionary<string, DocumentDetails> Documents { get; } = [];
    readonly MovableClock _clock = new();

    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(_clock));

    protected override async Task Seed()
    {
        // Without ../shared/fixtures there is nothing to sync: every test of the class skips.
        if (!SharedFixtures.There) return;
        await using var mirror = await RealPortalMirror.StartAsync();
        var sync = Host.Services.GetRequiredService<OdpSync>();
        var source = FeedSource.For(mirror.BaseUrl, Host.Services.GetRequiredService<IHttpClientFactory>());
        First = await sync.RunAsync(source, null, CancellationToken.None);
        FirstDownloads = mirror.Downloads;
        EventsAfterFirst = await EventCount();
        GapsAfterFirst = await Gaps();
        await LoadDocumentsAsync();

        Second = await sync.RunAsync(source, null, CancellationToken.None);
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.DeleteWhere<SyncCheckpoint>(_ => true);
            await session.SaveChangesAsync();
        }
        FromTheStart = await sync.RunAsync(source, null, CancellationToken.None);
        LaterDownloads = mirror.Downloads - FirstDownloads;
        EventsBeforeRepair = await EventCount();

        // The portal has its missing files back; an hour later every gap is due again.
        mirror.Repaired = true;
        _clock.Ahead = TimeSpan.FromHours(1);
        AfterRepair = await sync.RunAsync(source, null, CancellationToken.None);
        RepairDownloads = mirror.Downloads - FirstDownloads - LaterDownloads;
        GapsAfterRepair = await Gaps();
    }

    async Task<IReadOnlyList<SyncGap>> Gaps()
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<SyncGap>().ToListAsync();
    }

    async Task LoadDocumentsAsync()
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        foreach (var d in await session.Query<DocumentDetails>().ToListAsync()) Documents[d.Id] = d;
    }
}

/// <summary>
/// 1,250 real Document entities of the live portal, with real files, missing files and files of
/// another size. They come from ../shared/fixtures/real (not in the repository); without it these skip.
/// </summary>
[Collection(ArchiveCollection.Name)]
public class when_syncing_real_portal_entities(SyncedFromRealEntities archive) : IClassFixture<SyncedFromRealEntities>
{
    static List<(int Index, JsonObject Entity)> Live => LiveEntities.Value;

    static readonly Lazy<List<(int Index, JsonObject Entity)>> LiveEntities = new(() => RealPortalMirror.Entities
        .Select((e, k) => (k, e)).Where(x => !RealPortalMirror.IsTombstone(x.e)).ToList());

    static string? Text(JsonObject e, string name) => e[name] is { } v && v.ToString().Trim() is { Length: > 0 } s ? s : null;

    [SkippableFact]
    public void the_sync_completes_through_every_page()
    {
        SharedFixtures.Require();
        Assert.True(archive.First.Succeeded, archive.First.Problem);
        Assert.Equal(1250, archive.First.Pages.Where(p => p.Category == "Document").Sum(p => p.Entries));
        Assert.Equal(Live.Count, archive.First.Sum(p => p.Created));
    }

    [SkippableFact]
    public void every_entity_that_is_not_a_tombstone_is_a_document_with_its_exact_metadata()
    {
        SharedFixtures.Require();
        Assert.Equal(Live.Count, archive.Documents.Count);
        foreach (var (_, e) in Live)
        {
            var d = archive.Documents[(string)e["DocumentNummer"]!];
            Assert.Equal((string)e["GewijzigdOp"]!, d.SourceUpdatedRaw);
            Assert.Equal(DateTimeOffset.Parse((string)e["GewijzigdOp"]!), d.SourceUpdatedAt);
            Assert.Equal((Text(e, "Soort"), Text(e, "Titel"), Text(e, "Onderwerp")), (d.Metadata.Kind, d.Metadata.Title, d.Metadata.Subject));
            Assert.Equal(DateOnly.Parse(((string)e["Datum"]!)[..10]), d.Metadata.Date);
        }
    }

    [SkippableFact]
    public void the_gap_ledger_lists_exactly_the_entities_whose_file_was_missing_or_unreadable_each_with_its_reason()
    {
        SharedFixtures.Require();
        var expected = Live.Where(x => RealPortalMirror.Plan(x.Index, x.Entity) != Served.RealFile)
            .ToDictionary(x => (Guid)x.Entity["Id"]!, x => RealPortalMirror.Plan(x.Index, x.Entity) == Served.Missing ? GapReasons.FileMissing : GapReasons.SizeMismatch);
        var open = archive.GapsAfterFirst.Where(g => g.Open).ToDictionary(g => g.EntityId!.Value, g => g.Reason);
        Assert.Equal(expected.OrderBy(p => p.Key), open.OrderBy(p => p.Key));
        Assert.All(archive.GapsAfterFirst, g => Assert.Equal((1, "text", "Document"), (g.Attempts, g.Missing, g.Category)));
        Assert.All(archive.GapsAfterFirst.Where(g => g.Reason == GapReasons.SizeMismatch), g => Assert.Contains("but tk:contentLength announced", g.Detail));
        Assert.All(archive.GapsAfterFirst.Where(g => g.Reason == GapReasons.FileMissing), g => Assert.Contains("(404)", g.Detail));
    }

    [SkippableFact]
    public void the_documents_whose_file_could_be_read_have_its_text_and_the_others_say_why_not()
    {
        SharedFixtures.Require();
        var captured = Live.Where(x => RealPortalMirror.Plan(x.Index, x.Entity) == Served.RealFile).Select(x => (string)x.Entity["DocumentNummer"]!).ToHashSet();
        var empty = Archive.Content.Text.NormalisedText.Sha256("");
        Assert.All(archive.Documents.Values, d => Assert.Equal(captured.Contains(d.Id), d.ContentHash != empty));
        Assert.Contains(Live, x => (string)x.Entity["ContentType"]! == "application/pdf" && captured.Contains((string)x.Entity["DocumentNummer"]!));
        Assert.Contains(Live, x => (string)x.Entity["ContentType"]! == "text/html" && captured.Contains((string)x.Entity["DocumentNummer"]!));
    }

    [SkippableFact]
    public void a_second_run_and_a_run_from_the_start_change_nothing_and_download_nothing()
    {
        SharedFixtures.Require();
        Assert.True(archive.Second.Succeeded && archive.FromTheStart.Succeeded, archive.Second.Problem ?? archive.FromTheStart.Problem);
        Assert.Empty(archive.Second.Pages);
        Assert.Equal(0, archive.LaterDownloads);
        Assert.Equal(archive.EventsAfterFirst, archive.EventsBeforeRepair);
        Assert.Equal(Live.Count, archive.FromTheStart.Sum(p => p.Resent));
        Assert.Equal(0, archive.FromTheStart.Sum(p => p.GapsOpened));
    }

    [SkippableFact]
    public void once_the_portal_has_the_files_back_their_gaps_close_with_the_revision_that_captured_the_text()
    {
        SharedFixtures.Require();
        var entities = Live.ToDictionary(x => (string)x.Entity["Id"]!, x => x.Entity);
        var repairable = archive.GapsAfterFirst.Where(g => RealPortalMirror.File(entities[g.Id]) is not null).Select(g => g.Id).Order().ToList();
        Assert.Equal(archive.GapsAfterFirst.Count, archive.RepairDownloads);
        var closed = archive.GapsAfterRepair.Where(g => !g.Open).ToList();
        Assert.Equal(repairable, closed.Select(g => g.Id).Order());
        Assert.All(closed, g => Assert.Equal(("captured", 2, DateTimeOffset.Parse((string)entities[g.Id]["GewijzigdOp"]!)), (g.ClosedHow, g.ClosedByRevision, g.ClosedSourceAt)));
        Assert.All(closed, g => Assert.True(g.ClosedAt > g.FirstAttemptAt));
        Assert.All(archive.GapsAfterRepair.Where(g => g.Open), g => Assert.Equal((2, GapReasons.SizeMismatch), (g.Attempts, g.Reason)));
        Assert.Equal(closed.Count, archive.AfterRepair.Sum(p => p.Revised));
    }
}
