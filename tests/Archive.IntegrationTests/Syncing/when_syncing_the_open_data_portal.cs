using Archive.Api.Importing.Syncing;
using Archive.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.IntegrationTests.Syncing;

public sealed class SyncedFromAMirror : ArchiveHost
{
    public SyncReport First { get; private set; } = null!;
    public SyncReport Second { get; private set; } = null!;
    public SyncReport FromTheStart { get; private set; } = null!;
    public long EventsAfterFirst { get; private set; }
    public long EventsAfterAll { get; private set; }

    protected override async Task Seed()
    {
        await using var mirror = await PortalMirror.StartAsync();
        var sync = Host.Services.GetRequiredService<OdpSync>();
        var source = FeedSource.For(mirror.BaseUrl, Host.Services.GetRequiredService<IHttpClientFactory>());
        First = await sync.RunAsync(source, null, CancellationToken.None);
        EventsAfterFirst = await EventCount();
        Second = await sync.RunAsync(source, null, CancellationToken.None);

        // Every page again, from the first: overlapping what was imported changes nothing either.
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.DeleteWhere<SyncCheckpoint>(_ => true);
            await session.SaveChangesAsync();
        }
        FromTheStart = await sync.RunAsync(source, null, CancellationToken.None);
        EventsAfterAll = await EventCount();
    }
}

[Collection(ArchiveCollection.Name)]
public class when_syncing_the_open_data_portal(SyncedFromAMirror archive) : IClassFixture<SyncedFromAMirror>
{
    [Fact]
    public void the_sync_reads_every_category_and_remembers_the_unknown_tombstone()
    {
        Assert.True(archive.First.Succeeded, archive.First.Problem);
        Assert.Equal((1, 1, 1), (archive.First.Sum(p => p.Created), archive.First.Sum(p => p.Revised), archive.First.Sum(p => p.Remembered)));
        Assert.Equal(["Kamerstukdossier", "Zaak", "DocumentVersie", "Document", "Document"], archive.First.Pages.Select(p => p.Category));
    }

    [Fact]
    public async Task the_document_has_two_revisions_with_the_texts_of_its_two_files()
    {
        var history = (await archive.GetJson("/api/documents/2026D04632/revisions"))["revisions"]!.AsArray();
        Assert.Equal([1, 2], history.Select(r => (int)r!["sourceVersion"]!));
        Assert.Equal([DateTimeOffset.Parse("2026-02-02T08:51:23Z"), DateTimeOffset.Parse("2026-02-09T13:12:40Z")],
            history.Select(r => (DateTimeOffset)r!["sourceUpdatedAt"]!));
        var v1 = await archive.GetJson("/api/documents/2026D04632/revisions/1");
        var v2 = await archive.GetJson("/api/documents/2026D04632/revisions/2");
        Assert.Contains("belangrijke parters bij", (string)v1["text"]!);
        Assert.Contains("belangrijke partners bij", (string)v2["text"]!);
        Assert.Equal(("odp-syncfeed", 17067L), ((string)v2["provenance"]!["sourceKind"]!, (long)v2["provenance"]!["sourceBytes"]!));
        Assert.Equal("5c0a7e2b-3f41-4d8e-9b6a-2e71c9d40632", (string)v2["provenance"]!["sourceId"]!);
    }

    [Fact]
    public async Task the_revision_names_its_dossier_and_case()
    {
        var details = await archive.GetJson("/api/documents/2026D04632");
        Assert.Equal(("36180", 196), ((string)details["metadata"]!["dossier"]!["number"]!, (int)details["metadata"]!["dossier"]!["sequenceNumber"]!));
        Assert.Equal("2026Z02003", (string)details["metadata"]!["caseNumbers"]![0]!);
        Assert.Equal("Verslag van een schriftelijk overleg", (string)details["metadata"]!["kind"]!);
        var dossier = await archive.GetJson("/api/dossiers/36180");
        Assert.Equal("2026D04632", (string)dossier["documents"]![0]!["number"]!);
    }

    [Fact]
    public async Task the_tombstone_of_a_document_never_seen_is_kept_by_its_guid()
    {
        await using var session = archive.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var tombstone = await session.LoadAsync<RememberedTombstone>(Guid.Parse("e4b8a2d1-6c3f-4f7a-9e05-1d2c3b4a5f60"));
        Assert.Equal(DateTimeOffset.Parse("2026-02-03T07:02:11Z"), tombstone!.DeletedAt);
    }

    [Fact]
    public async Task syncing_again_changes_nothing()
    {
        Assert.True(archive.Second.Succeeded, archive.Second.Problem);
        Assert.Empty(archive.Second.Pages);
        Assert.Equal(2, archive.EventsAfterFirst);
        Assert.Equal(archive.EventsAfterFirst, archive.EventsAfterAll);
        Assert.True(archive.FromTheStart.Succeeded, archive.FromTheStart.Problem);
        Assert.Equal(5, archive.FromTheStart.Pages.Count);
        Assert.Equal(0, archive.FromTheStart.Sum(p => p.Created + p.Revised + p.Withdrawn));
    }
}
