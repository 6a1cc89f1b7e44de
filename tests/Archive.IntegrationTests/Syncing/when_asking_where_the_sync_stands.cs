using Archive.Api.Importing.Syncing;
using Archive.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.IntegrationTests.Syncing;

/// <summary>Only the dossier page has been synced: the dossier is known, its documents are not.</summary>
public sealed class SyncedOnlyADossier : ArchiveHost
{
    public SyncReport Report { get; private set; } = null!;
    readonly string _folder = Directory.CreateTempSubdirectory("archive-dossier-").FullName;

    protected override async Task Seed()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "odp", "syncfeed", "kamerstukdossier-page-1.xml"), Path.Combine(_folder, "kamerstukdossier-page-1.xml"));
        File.WriteAllText(Path.Combine(_folder, "zaak-page-1.xml"), "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>");
        Report = await Host.Services.GetRequiredService<OdpSync>().RunAsync(new FolderFeedSource(_folder), null, CancellationToken.None);
        Directory.Delete(_folder, recursive: true);
    }
}

[Collection(ArchiveCollection.Name)]
public class when_asking_where_the_sync_stands(SyncedOnlyADossier archive) : IClassFixture<SyncedOnlyADossier>
{
    [Fact]
    public async Task a_dossier_without_documents_is_shown_with_its_own_fields_not_a_404()
    {
        var dossier = await archive.GetJson("/api/dossiers/36180");
        Assert.Equal("Doen waar Nederland goed in is - Strategie voor Buitenlandse Handel en Ontwikkelingssamenwerking", (string)dossier["title"]!);
        Assert.Equal((196, false, "no documents yet"), ((int)dossier["highestSequenceNumber"]!, (bool)dossier["closed"]!, (string)dossier["note"]!));
        Assert.Empty(dossier["documents"]!.AsArray());
        var page = await archive.Host.Scenario(s => { s.Get.Url("/dossiers/36180"); s.StatusCodeShouldBe(200); });
        var html = await page.ReadAsTextAsync();
        Assert.Contains("Nog geen documenten", html);
        Assert.Contains("Hoogste volgnummer: 196", html);
    }

    [Fact]
    public async Task the_status_names_the_stuck_category_and_where_the_others_are()
    {
        Assert.Equal(["Zaak"], archive.Report.Stuck.Select(s => s.Category));
        var status = await archive.GetJson("/api/sync");
        var categories = status["categories"]!.AsArray().ToDictionary(c => (string)c!["category"]!);
        Assert.Equal("kamerstukdossier-page-1.xml", (string)categories["Kamerstukdossier"]!["checkpoint"]!);
        Assert.Equal(DateTimeOffset.Parse("2026-02-02T09:02:17Z"), (DateTimeOffset)categories["Kamerstukdossier"]!["lastEntryAt"]!);
        Assert.Null(categories["Kamerstukdossier"]!["problem"]);
        Assert.Contains("zaak-page-1.xml: the page was refused", (string)categories["Zaak"]!["problem"]!);
        Assert.Null(categories["Zaak"]!["checkpoint"]);
        Assert.Null(categories["Document"]!["checkpoint"]);
        Assert.False((bool)status["schedule"]!["enabled"]!);
        Assert.Equal(0, (int)status["openGaps"]!);
    }

    [Fact]
    public async Task the_gap_ledger_refuses_filters_it_cannot_read()
    {
        foreach (var query in new[] { "state=half", "reason=bad-luck", "category=Persoon", "limit=0", "limit=501", "offset=-1" })
            Assert.Equal(400, (int)(await archive.GetJson($"/api/gaps?{query}", 400))["status"]!);
        Assert.Equal(0, (int)(await archive.GetJson("/api/gaps?state=all"))["total"]!);
        await archive.Host.Scenario(s => { s.Get.Url("/gaps?state=half"); s.StatusCodeShouldBe(400); });
        await archive.Host.Scenario(s => { s.Get.Url("/gaps"); s.StatusCodeShouldBe(200); });
    }
}

/// <summary>The scheduled sync (Archive:Sync:IntervalMinutes) against the loopback mirror.</summary>
public sealed class SyncedOnASchedule : ArchiveHost
{
    public PortalMirror Mirror { get; private set; } = null!;

    protected override void Configure(IWebHostBuilder builder)
    {
        Mirror = PortalMirror.StartAsync().GetAwaiter().GetResult();
        builder.UseSetting("Archive:Sync:BaseUrl", Mirror.BaseUrl);
        builder.UseSetting("Archive:Sync:IntervalMinutes", "60");
        builder.UseSetting("Archive:Sync:FirstRunSeconds", "0.2");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Mirror.DisposeAsync();
    }
}

[Collection(ArchiveCollection.Name)]
public class when_the_sync_runs_on_a_schedule(SyncedOnASchedule archive) : IClassFixture<SyncedOnASchedule>
{
    [Fact]
    public async Task it_syncs_by_itself_and_says_when_it_last_succeeded_and_runs_next()
    {
        // The schedule runs in the background: ask until it says it succeeded, for at most a minute.
        var deadline = DateTime.UtcNow.AddMinutes(1);
        System.Text.Json.Nodes.JsonNode schedule;
        do
        {
            schedule = (await archive.GetJson("/api/sync"))["schedule"]!;
            if (schedule["lastSucceededAt"] is not null) break;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        Assert.True(schedule["lastSucceededAt"] is not null, schedule.ToJsonString());
        Assert.Equal((true, 60, false), ((bool)schedule["enabled"]!, (int)schedule["intervalMinutes"]!, (bool)schedule["running"]!));
        Assert.Equal(TimeSpan.FromMinutes(60), (DateTimeOffset)schedule["nextRunAt"]! - (DateTimeOffset)schedule["lastFinishedAt"]!);
        var history = (await archive.GetJson("/api/documents/2026D04632/revisions"))["revisions"]!.AsArray();
        Assert.Equal(2, history.Count);
    }
}
