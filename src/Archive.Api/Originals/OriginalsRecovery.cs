using Archive.Api.Documents.TimeTravel;
using Archive.Api.Importing.Syncing;
using Archive.Content.Text;
using Marten;
using Microsoft.Extensions.Options;

namespace Archive.Api.Originals;

/// <summary>
/// For an archive from before originals were kept: fetches, one at a time through the sync's polite
/// HTTP client, the file the portal serves now for each revision without its original, and keeps it
/// only if its SHA-256 is the one the revision's event names. A different file is never attached to
/// an old revision: the portal has replaced it, and that original is lost.
/// </summary>
public static class OriginalsRecovery
{
    public sealed record Tally(int Recovered, int Replaced, int Unfetched, int NotFromPortal);

    public static async Task<bool> RecoverAsync(IServiceProvider services, string? source, TextWriter output, CancellationToken ct)
    {
        var settings = services.GetRequiredService<IOptions<ArchiveOptions>>().Value.Sync;
        var feed = FeedSource.For(source ?? settings.BaseUrl, services.GetRequiredService<IHttpClientFactory>(), settings);
        var tally = await RecoverAsync(services.GetRequiredService<IDocumentStore>(), services.GetRequiredService<OriginalStores>(), feed, settings.MaxFileBytes, output, ct);
        output.WriteLine($"{tally.Recovered} originals recovered; {tally.Replaced} unrecoverable (the portal now serves another file); " +
                         $"{tally.Unfetched} could not be fetched (try again later); {tally.NotFromPortal} not from the portal (no file to fetch again)");
        return true;
    }

    public static async Task<Tally> RecoverAsync(IDocumentStore store, OriginalStores stores, FeedSource feed, long maxBytes, TextWriter output, CancellationToken ct)
    {
        var missing = await MissingAsync(store, ct);
        var (recovered, replaced, unfetched, elsewhere) = (0, 0, 0, 0);
        foreach (var record in missing)
        {
            var sha256 = record.Provenance.SourceSha256!;
            if (record.Provenance.SourceKind != "odp-syncfeed" || !Guid.TryParse(record.Provenance.SourceId, out var entity)) { elsewhere++; continue; }
            var answer = await feed.ResourceAsync(entity, record.Provenance.SourceName, maxBytes, ct);
            if (answer.Resource is not { } resource) { unfetched++; continue; }
            if (NormalisedText.Sha256(resource.Bytes) != sha256)
            {
                replaced++;
                output.WriteLine($"{record.DocumentNumber} revision {record.Revision}: the portal now serves another file; its original ({sha256}) is lost");
                continue;
            }
            await using var session = store.LightweightSession();
            await OriginalFiles.KeepAsync(session, stores.Writer, sha256, resource.Bytes, ct);
            await session.SaveChangesAsync(ct);
            recovered++;
        }
        return new Tally(recovered, replaced, unfetched, elsewhere);
    }

    /// <summary>One revision for each file that revisions name but the Archive does not keep.</summary>
    static async Task<List<RevisionRecord>> MissingAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var named = await session.Query<RevisionRecord>().Where(r => r.Provenance.SourceSha256 != null)
            .OrderBy(r => r.DocumentNumber).ThenBy(r => r.Revision).ToListAsync(ct);
        var missing = new List<RevisionRecord>();
        foreach (var chunk in named.DistinctBy(r => r.Provenance.SourceSha256).Chunk(1000))
        {
            var kept = await OriginalFiles.FindManyAsync(session, chunk.Select(r => r.Provenance.SourceSha256!).ToArray(), ct);
            missing.AddRange(chunk.Where(r => !kept.ContainsKey(r.Provenance.SourceSha256!)));
        }
        return missing;
    }
}
