using System.Text;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Wolverine.Http;

namespace Archive.Api.ChangeFeed;

/// <summary>
/// GET /api/changes/stream: Server-Sent Events, one per change (id = sequence, so a client that
/// reconnects with Last-Event-ID resumes exactly after the last one it saw), with heartbeats.
/// </summary>
public static class ChangeStream
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    [WolverineGet("/api/changes/stream", OperationId = "ChangeStream")]
    [Tags("Change feed"), EndpointSummary("Changes as Server-Sent Events, resuming after Last-Event-ID (or ?after=); filters dossier=, kind=, document=")]
    [ProducesResponseType<string>(200, "text/event-stream"), ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    public static IResult Get(HttpContext http, IDocumentStore store, long after = 0, string? dossier = null, string? kind = null, string? document = null)
    {
        var lastEventId = http.Request.Headers["Last-Event-ID"];
        if (!StringValues.IsNullOrEmpty(lastEventId) && !long.TryParse(lastEventId, out after))
            return Problems.Status(400, "Invalid Last-Event-ID", $"Last-Event-ID '{lastEventId}' is not a sequence number.");
        if (after < 0) return Problems.Status(400, "Invalid cursor", $"after must be a sequence number of 0 or more, not {after}.");
        var filter = new ChangeFilter(dossier, kind, document);
        if (filter.Problem() is { } problem) return Problems.Status(400, "Invalid filter", problem + ".");
        return new Stream(store, after, filter);
    }

    sealed class Stream(IDocumentStore store, long after, ChangeFilter filter) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = "text/event-stream; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers["X-Accel-Buffering"] = "no";
            var ct = http.RequestAborted;
            var (cursor, quiet) = (after, DateTime.UtcNow);
            await http.Response.WriteAsync(": change feed\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    await using var session = store.QuerySession();
                    var records = await ChangeEvents.AfterAsync(session, cursor, 100, filter, ct);
                    foreach (var record in records)
                    {
                        var data = Encoding.UTF8.GetString(ChangeEvents.One(record));
                        await http.Response.WriteAsync($"id: {record.Id}\nevent: {record.Type}\ndata: {data}\n\n", ct);
                        cursor = record.Id;
                    }
                    if (records.Count > 0) quiet = DateTime.UtcNow;
                    else if (DateTime.UtcNow - quiet > Heartbeat)
                    {
                        await http.Response.WriteAsync(": heartbeat\n\n", ct);
                        quiet = DateTime.UtcNow;
                    }
                    await http.Response.Body.FlushAsync(ct);
                    if (records.Count == 0) await Task.Delay(Poll, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The client went away: the stream ends here, and it resumes from its Last-Event-ID.
            }
        }
    }
}
