using System.Text;
using Marten;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Wolverine.Http;

namespace Archive.Api.ChangeFeed;

/// <summary>
/// GET /api/changes/stream: Server-Sent Events, one per change (id = sequence, so a client that
/// reconnects with Last-Event-ID resumes exactly after the last one it saw), with heartbeats.
/// A stream reads the table only when the <see cref="ChangeSignal"/> says there is something past
/// what it has read; in between it is a pending task. Streams are capped, in all and per client.
/// </summary>
public static class ChangeStream
{
    const int Page = 100;
    const string RetryAfterSeconds = "10";

    [WolverineGet("/api/changes/stream", OperationId = "ChangeStream")]
    [Tags("Change feed"), EndpointSummary("Changes as Server-Sent Events, resuming after Last-Event-ID (or ?after=); filters dossier=, kind=, document=")]
    [ProducesResponseType<string>(200, "text/event-stream"), ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(429, "application/problem+json")]
    public static IResult Get(HttpContext http, IDocumentStore store, ChangeSignal signal, StreamSlots slots, Transparency.LogStore log, IOptions<ArchiveOptions> options,
        long after = 0, string? dossier = null, string? kind = null, string? document = null)
    {
        var lastEventId = http.Request.Headers["Last-Event-ID"];
        if (!StringValues.IsNullOrEmpty(lastEventId) && !long.TryParse(lastEventId, out after))
            return Problems.Status(400, "Invalid Last-Event-ID", $"Last-Event-ID '{lastEventId}' is not a sequence number.");
        if (after < 0) return Problems.Status(400, "Invalid cursor", $"after must be a sequence number of 0 or more, not {after}.");
        var filter = new ChangeFilter(dossier, kind, document);
        if (filter.Problem() is { } problem) return Problems.Status(400, "Invalid filter", problem + ".");
        var (slot, refusal) = slots.TryTake(http.Connection.RemoteIpAddress);
        if (slot is null)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds;
            return Problems.Status(429, "Too many change streams", refusal!);
        }
        http.Response.RegisterForDispose(slot);
        return new Stream(store, signal, log, TimeSpan.FromSeconds(Math.Max(1, options.Value.ChangeFeed.HeartbeatSeconds)), after, filter);
    }

    sealed class Stream(IDocumentStore store, ChangeSignal signal, Transparency.LogStore log, TimeSpan heartbeat, long after, ChangeFilter filter) : IResult
    {
        long _read = after;
        long _quietSince = Environment.TickCount64;

        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = "text/event-stream; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers["X-Accel-Buffering"] = "no";
            var ct = http.RequestAborted;
            try
            {
                await WriteAsync(http, ": change feed\n\n", ct);
                while (true)
                {
                    if (await SendAsync(http, ct)) continue;
                    while (!await signal.WaitAsync(_read, heartbeat - TimeSpan.FromMilliseconds(Environment.TickCount64 - _quietSince), ct))
                        await WriteAsync(http, await log.LatestAsync(ct) is { } checkpoint ? $": heartbeat {Transparency.LogHead.Words(checkpoint)}\n\n" : ": heartbeat\n\n", ct);
                }
            }
            catch (Exception e) when (ct.IsCancellationRequested && e is OperationCanceledException or IOException)
            {
                // The client went away: the stream ends here, and it resumes from its Last-Event-ID.
            }
        }

        /// <summary>Sends the next page after what was read; true if there may be more right away.</summary>
        async Task<bool> SendAsync(HttpContext http, CancellationToken ct)
        {
            // Read before the query: every record up to it is committed, so one that passes no filter need not be read again.
            var known = signal.Highest;
            IReadOnlyList<ChangeRecord> records;
            await using (var session = store.QuerySession())
                records = await ChangeEvents.AfterAsync(session, _read, Page, filter, ct);
            var text = new StringBuilder();
            foreach (var record in records)
                text.Append($"id: {record.Id}\nevent: {record.Type}\ndata: {Encoding.UTF8.GetString(ChangeEvents.One(record))}\n\n");
            if (records.Count > 0) await WriteAsync(http, text.ToString(), ct);
            if (records.Count == Page) { _read = records[^1].Id; return true; }
            _read = Math.Max(records.Count > 0 ? records[^1].Id : _read, known);
            return false;
        }

        async Task WriteAsync(HttpContext http, string text, CancellationToken ct)
        {
            await http.Response.WriteAsync(text, ct);
            await http.Response.Body.FlushAsync(ct);
            _quietSince = Environment.TickCount64;
        }
    }
}
