using Archive.Api.Documents.TimeTravel;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Wolverine.Http;

namespace Archive.Api.Originals;

/// <summary>
/// The file a revision was read from, byte for byte, with the type the source served it as. It never
/// changes, so it is cached for good and can be fetched in ranges; its digest (RFC 9530) is the SHA-256
/// its revision's event names, and it is served only while the kept bytes still have that hash.
/// </summary>
public static class OriginalEndpoint
{
    [WolverineGet("/api/documents/{nr}/revisions/{n}/original", OperationId = "GetOriginal")]
    [Tags("Documents"), EndpointSummary("The file this revision was read from, as the source served it (Range requests allowed)")]
    [ProducesResponseType(200), ProducesResponseType(206), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType(416), ProducesResponseType<ProblemDetails>(500, "application/problem+json")]
    public static async Task<IResult> Get(string nr, int n, HttpContext http, IQuerySession session, OriginalStores stores, CancellationToken ct)
    {
        if (await session.LoadAsync<RevisionRecord>(RevisionRecord.IdOf(nr, n), ct) is not { } record)
            return await session.Events.FetchStreamStateAsync(nr, ct) is null
                ? Problems.UnknownDocument(nr)
                : Problems.Status(404, "Unknown revision", $"Document '{nr}' has no revision {n}.");
        var original = RevisionOriginal.Of(record, record.Provenance.SourceSha256 is { } sha ? await OriginalFiles.FindAsync(session, sha, ct) : null);
        if (original.Kept is not { } kept) return Problems.Status(404, "No original", original.Missing!);
        if (!await OriginalFiles.IntactAsync(stores, kept, ct))
            return Problems.Status(500, "Original damaged",
                $"The bytes kept for revision {n} of '{nr}' no longer have the SHA-256 {kept.Sha256} its event names: the store was altered, and they are not served as the original.");
        http.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(kept.Sha256))}:";
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.Stream(stores.For(kept.Store).Open(kept.Sha256, kept.Length), original.ContentType, original.FileName,
            entityTag: new EntityTagHeaderValue($"\"{kept.Sha256}\""), enableRangeProcessing: true);
    }
}
