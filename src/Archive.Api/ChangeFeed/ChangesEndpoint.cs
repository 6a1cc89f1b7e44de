using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Archive.Api.ChangeFeed;

/// <summary>GET /api/changes?after={seq}&amp;limit=: a CloudEvents batch, oldest first, and a Link to the next page.</summary>
public static class ChangesEndpoint
{
    [WolverineGet("/api/changes", OperationId = "Changes")]
    [Tags("Change feed"), EndpointSummary("Changes after a sequence number as a CloudEvents batch (application/cloudevents-batch+json); filters dossier=, kind=, document=")]
    [ProducesResponseType(200), ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, Transparency.LogStore log, CancellationToken ct,
        long after = 0, int limit = 100, string? dossier = null, string? kind = null, string? document = null)
    {
        if (after < 0) return Problems.Status(400, "Invalid cursor", $"after must be a sequence number of 0 or more, not {after}.");
        if (limit is < 1 or > 1000) return Problems.Status(400, "Invalid limit", $"limit must be between 1 and 1000, not {limit}.");
        var filter = new ChangeFilter(dossier, kind, document);
        if (filter.Problem() is { } problem) return Problems.Status(400, "Invalid filter", problem + ".");
        var records = await ChangeEvents.AfterAsync(session, after, limit, filter, ct);
        var next = records.Count > 0 ? records[^1].Id : after;
        http.Response.Headers.Link = $"</api/changes?after={next}&limit={limit}{filter.Query}>; rel=\"next\""
            + (await log.LatestAsync(ct) is { } checkpoint ? ", " + Transparency.LogHead.Link(checkpoint) : "");
        var body = ChangeEvents.Batch(records, out var contentType);
        return Results.Bytes(body, contentType.ToString());
    }
}
