using System.Text;
using Archive.Api.Documents.GettingHistory;
using Archive.Content.Documents;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Archive.Api.Documents.Mementos;

public sealed record TimeMapJson(string OriginalUri, string TimegateUri, IReadOnlyDictionary<string, string> TimemapUri, TimeMapMementos Mementos);

public sealed record TimeMapMementos(TimeMapEntry First, TimeMapEntry Last, IReadOnlyList<TimeMapEntry> List);

public sealed record TimeMapEntry(DateTimeOffset Datetime, string Uri, int Revision);

/// <summary>The TimeGate and the TimeMaps (link-format and JSON), for Memento clients and web archives' tools.</summary>
public static class MementoEndpoints
{
    [WolverineGet("/timegate/{nr}", OperationId = "TimeGate")]
    [Tags("Memento"), EndpointSummary("Memento TimeGate: Accept-Datetime (RFC 1123) → 302 to the revision that stood then")]
    [ProducesResponseType(302), ProducesResponseType<ProblemDetails>(400, "application/problem+json"), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static Task<IResult> TimeGate(string nr, HttpContext http, IQuerySession session, CancellationToken ct) => Negotiate(nr, http, session, ct);

    [WolverineHead("/timegate/{nr}", OperationId = "TimeGateHead")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public static Task<IResult> TimeGateHead(string nr, HttpContext http, IQuerySession session, CancellationToken ct) => Negotiate(nr, http, session, ct);

    static async Task<IResult> Negotiate(string nr, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var header = http.Request.Headers["Accept-Datetime"].ToString();
        DateTimeOffset? at = null;
        if (header.Length > 0)
        {
            if (!AsOf.TryParseHttpDate(header, out var parsed) && !AsOf.TryParse(header, out parsed))
                return Problems.Status(400, "Invalid Accept-Datetime",
                    $"Accept-Datetime '{header}' is not a date the Archive can read; use an RFC 1123 date such as 'Thu, 05 Feb 2026 00:00:00 GMT' (or {AsOf.AcceptedFormats}).");
            at = parsed;
        }
        if (await DocumentHistory.LoadAsync(session, nr, ct) is not { Revisions.Count: > 0 } history) return Problems.UnknownDocument(nr);
        var baseUri = Mementos.BaseUri(http.Request);
        var mementos = Mementos.Of(history, baseUri);
        var chosen = Mementos.Choose(mementos, at);
        http.Response.Headers.Vary = "accept-datetime";
        http.Response.Headers.Link = string.Join(", ",
            Mementos.Link(Mementos.Original(baseUri, nr), "original"),
            Mementos.Link(Mementos.TimeMap(baseUri, nr), "timemap", type: "application/link-format"),
            Mementos.Link(mementos[0].Uri, "first memento", mementos[0].Datetime),
            Mementos.Link(mementos[^1].Uri, "last memento", mementos[^1].Datetime));
        return Results.Redirect(chosen.Uri, permanent: false);
    }

    [WolverineGet("/timemap/link/{nr}", OperationId = "TimeMap")]
    [Tags("Memento"), EndpointSummary("Memento TimeMap in application/link-format: every revision with its datetime")]
    public static async Task<IResult> TimeMap(string nr, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        if (await DocumentHistory.LoadAsync(session, nr, ct) is not { Revisions.Count: > 0 } history) return Problems.UnknownDocument(nr);
        var baseUri = Mementos.BaseUri(http.Request);
        var mementos = Mementos.Of(history, baseUri);
        var lines = new List<string>
        {
            Mementos.Link(Mementos.Original(baseUri, nr), "original"),
            Mementos.Link(Mementos.TimeGate(baseUri, nr), "timegate"),
            $"{Mementos.Link(Mementos.TimeMap(baseUri, nr), "self", type: "application/link-format")}; from=\"{AsOf.HttpDate(mementos[0].Datetime)}\"; until=\"{AsOf.HttpDate(mementos[^1].Datetime)}\"",
        };
        lines.AddRange(mementos.Select((m, i) => Mementos.Link(m.Uri, Rel(i, mementos.Count), m.Datetime)));
        return Results.Text(string.Join(",\n", lines) + "\n", "application/link-format", Encoding.UTF8);
    }

    [WolverineGet("/timemap/json/{nr}", OperationId = "TimeMapJson")]
    [Tags("Memento"), EndpointSummary("Memento TimeMap as JSON")]
    [ProducesResponseType<TimeMapJson>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> TimeMapAsJson(string nr, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        if (await DocumentHistory.LoadAsync(session, nr, ct) is not { Revisions.Count: > 0 } history) return Problems.UnknownDocument(nr);
        var baseUri = Mementos.BaseUri(http.Request);
        var list = Mementos.Of(history, baseUri).Select(m => new TimeMapEntry(m.Datetime, m.Uri, m.Revision)).ToList();
        return Results.Ok(new TimeMapJson(Mementos.Original(baseUri, nr), Mementos.TimeGate(baseUri, nr),
            new Dictionary<string, string> { ["link_format"] = Mementos.TimeMap(baseUri, nr), ["json_format"] = Mementos.TimeMapJson(baseUri, nr) },
            new TimeMapMementos(list[0], list[^1], list)));
    }

    static string Rel(int index, int count) => (index == 0, index == count - 1) switch
    {
        (true, true) => "first last memento",
        (true, false) => "first memento",
        (false, true) => "last memento",
        _ => "memento",
    };
}
