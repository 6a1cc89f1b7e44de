using System.Text.Json;
using Archive.Api.Documents.GettingDetails;
using Archive.Api.Documents.GettingHistory;
using Archive.Api.Documents.Rereading;
using Archive.Api.Documents.TimeTravel;
using Archive.Api.Dossiers;
using Archive.Api.Originals;
using Archive.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.IntegrationTests.Projections;

public sealed class AFewDocumentsWithHistory : ArchiveHost
{
    protected override async Task Seed()
    {
        await Import(Fixtures.V2, expect: 201);
        await Import(Fixtures.V1);
        await Import(Fixtures.V1.Replace("2026D04632", "2026D00006").Replace("36180 -196", "36180 -198"), expect: 201);
        await Post("/api/documents/2026D00006/withdrawal", new { sourceUpdatedAt = "2026-03-01T00:00:00Z" });
        await Post("/api/documents/2026D00006/restoration", new { sourceUpdatedAt = "2026-03-02T00:00:00Z" });
        await Import(Fixtures.V2.Replace("2026D04632", "2026D00007").Replace("36180 -196", "12345 -1"), expect: 201);
        // A reader that reads 2026D04632's first version anew: its readings must survive the rebuild too.
        await Rereader.RunAsync(Host.Services.GetRequiredService<IDocumentStore>(), Host.Services.GetRequiredService<OriginalStores>(),
            (r, bytes) => Rereader.Current(r, bytes) is var reading && r.DocumentNumber == "2026D04632"
                ? reading with { Text = reading.Text!.Replace("parters", "partners"), Reader = "opentk-page/2" } : reading,
            new RereadScope(new HashSet<string>(), new HashSet<string>()), TimeProvider.System, null, CancellationToken.None);
    }
}

/// <summary>Every read model rebuilt from the events alone equals the one kept up to date while importing.</summary>
[Collection(ArchiveCollection.Name)]
public class when_every_projection_is_rebuilt(AFewDocumentsWithHistory archive) : IClassFixture<AFewDocumentsWithHistory>
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    async Task<Dictionary<string, string>> Snapshot()
    {
        await using var session = archive.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var snapshot = new Dictionary<string, string>();
        async Task Add<T>(Func<T, string> id) where T : notnull
        {
            foreach (var doc in await session.Query<T>().ToListAsync())
                snapshot[$"{typeof(T).Name}/{id(doc)}"] = JsonSerializer.Serialize(doc, Json);
        }
        await Add<DocumentDetails>(d => d.Id);
        await Add<StatusHistory>(d => d.Id);
        await Add<RevisionRecord>(d => d.Id);
        await Add<StatusRecord>(d => $"{d.DocumentNumber}/{d.SourceUpdatedAt:O}");
        await Add<DossierMember>(d => d.Id);
        await Add<Archive.Api.Documents.Document>(d => d.Id);
        return snapshot;
    }

    [Fact]
    public async Task the_read_models_are_the_same_as_before()
    {
        var before = await Snapshot();
        Assert.Equal(3 + 1 + 4 + 2 + 3 + 3, before.Count);
        Assert.Contains("opentk-page/2", before["RevisionRecord/2026D04632@2"]);

        var store = archive.Host.Services.GetRequiredService<IDocumentStore>();
        await using (var wipe = store.LightweightSession())
        {
            // Gone first, so that whatever is there afterwards came from the events.
            wipe.DeleteWhere<DocumentDetails>(_ => true);
            wipe.DeleteWhere<StatusHistory>(_ => true);
            wipe.DeleteWhere<RevisionRecord>(_ => true);
            wipe.DeleteWhere<StatusRecord>(_ => true);
            wipe.DeleteWhere<DossierMember>(_ => true);
            wipe.DeleteWhere<Archive.Api.Documents.Document>(_ => true);
            await wipe.SaveChangesAsync();
        }
        Assert.Empty(await Snapshot());
        using var daemon = await store.BuildProjectionDaemonAsync();
        foreach (var projection in new[] { typeof(DocumentDetailsProjection), typeof(StatusHistoryProjection), typeof(TimeTravelProjection), typeof(DossierMemberProjection) })
            await daemon.RebuildProjectionAsync(projection, CancellationToken.None);
        await daemon.RebuildProjectionAsync<Archive.Api.Documents.Document>(CancellationToken.None);

        var after = await Snapshot();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var key in before.Keys) Assert.Equal(before[key], after[key]);
    }
}
