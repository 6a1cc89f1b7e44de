using System.Net;
using System.Text;
using Archive.Api.Documents.GettingHistory;
using Archive.Content.Diffing;
using Archive.Content.Structure;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Archive.Api.Documents.ComparingVersions;

public sealed record DiffResponse(
    string Number, int From, int To, string Granularity, bool Coarser, string? CoarserReason,
    IReadOnlyList<FieldChange> Metadata, IReadOnlyList<StructuralChangeView> Structure, DiffStats Stats,
    IReadOnlyList<DiffOp>? Ops, IReadOnlyList<DiffRow>? Rows);

public sealed record StructuralChangeView(string Part, string What, int WordsAdded, int WordsRemoved, int? OldLine, int? NewLine, string Text)
{
    public static StructuralChangeView Of(StructuralChange c) => new(c.Part, c.What, c.WordsAdded, c.WordsRemoved, c.OldLine, c.NewLine, c.Text);
}

/// <summary>
/// GET /api/documents/{nr}/diff: what changed between two revisions, as JSON, a unified patch or
/// HTML. A diff is of the revisions' readings, which a reread can replace (DESIGN decision 14): its
/// strong ETag names the texts compared, and caches revalidate rather than keep it for good.
/// </summary>
public static class DiffEndpoint
{
    static readonly string[] Granularities = ["line", "word", "char"];
    static readonly string[] Formats = ["json", "unified", "html"];
    static readonly string[] Views = ["inline", "side-by-side"];

    [WolverineGet("/api/documents/{nr}/diff", OperationId = "DiffRevisions")]
    [Tags("Documents"), EndpointSummary("What changed between two revisions: ?from=&to=&granularity=line|word|char&format=json|unified|html&view=inline|side-by-side&context=3&ignoreWhitespace=false")]
    [ProducesResponseType<DiffResponse>(200), ProducesResponseType(304)]
    [ProducesResponseType<ProblemDetails>(400, "application/problem+json"), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(string nr, HttpContext http, IQuerySession session, IOptions<ArchiveOptions> options, CancellationToken ct,
        int? from = null, int? to = null, string? granularity = null, string? format = null, string? view = null, int? context = null, bool? ignoreWhitespace = null)
    {
        var request = new DiffRequest(granularity ?? "word", format ?? "json", view ?? "inline", context ?? 3, ignoreWhitespace ?? false);
        if (request.Problem() is { } invalid) return invalid;
        if (await DocumentHistory.LoadAsync(session, nr, ct) is not { } history) return Problems.UnknownDocument(nr);
        var (older, newer, missing) = Revisions(history, from, to);
        if (missing is not null) return missing;

        var etag = request.ETag(nr, older!, newer!);
        if (http.Request.Headers.IfNoneMatch.Any(v => v?.Split(',').Select(t => t.Trim()).Contains(etag) == true))
        {
            Cache(http, etag);
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        var diffOptions = new DiffOptions
        {
            Granularity = Enum.Parse<Granularity>(request.Granularity, ignoreCase: true),
            IgnoreWhitespace = request.IgnoreWhitespace,
            Budget = TimeSpan.FromMilliseconds(options.Value.Diff.BudgetMilliseconds),
        };
        var comparison = await DocumentComparison.LoadAsync(session, nr, older!, newer!, diffOptions, ct);
        if (comparison.Diff.Coarser) http.Response.Headers.CacheControl = "no-store";
        else Cache(http, etag);
        return request.Format switch
        {
            "unified" => Results.Text(comparison.UnifiedPatch(request.Context), "text/x-diff; charset=utf-8", Encoding.UTF8),
            "html" => Results.Content(DiffHtml.Page(comparison, request.View), "text/html; charset=utf-8"),
            _ => Results.Ok(Response(comparison, request.View)),
        };
    }

    /// <summary>"to" defaults to the latest revision, "from" to the one before "to".</summary>
    static (RevisionEntry? From, RevisionEntry? To, IResult? Problem) Revisions(DocumentHistory history, int? from, int? to)
    {
        var last = history.Revisions.Count;
        var toNumber = to ?? last;
        if (Unknown(history, toNumber) is { } noTo) return (null, null, noTo);
        if (from is null && toNumber == 1)
            return (null, null, Problems.Status(400, "Nothing to compare with",
                $"Revision 1 of '{history.Id}' has no revision before it{(last == 1 ? " (it is the only one)" : "")}: give 'from' to compare it with another."));
        var fromNumber = from ?? toNumber - 1;
        if (Unknown(history, fromNumber) is { } noFrom) return (null, null, noFrom);
        return (history.Revisions[fromNumber - 1], history.Revisions[toNumber - 1], null);
    }

    static IResult? Unknown(DocumentHistory history, int n) => n >= 1 && n <= history.Revisions.Count ? null
        : Problems.Status(404, "Unknown revision", $"Document '{history.Id}' has revisions 1 to {history.Revisions.Count}; there is no revision {n}.");

    static void Cache(HttpContext http, string etag)
    {
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, no-cache";
    }

    static DiffResponse Response(DocumentComparison c, string view) => new(
        c.Number, c.From.Revision, c.To.Revision, c.Diff.Granularity.ToString().ToLowerInvariant(), c.Diff.Coarser, c.Diff.CoarserReason,
        c.MetadataChanges, c.StructuralChanges.Select(StructuralChangeView.Of).ToList(), c.Diff.Stats,
        view == "inline" ? c.Diff.InlineOps() : null,
        view == "side-by-side" ? c.Diff.Rows : null);

    sealed record DiffRequest(string Granularity, string Format, string View, int Context, bool IgnoreWhitespace)
    {
        public IResult? Problem() =>
            !Granularities.Contains(Granularity) ? Refuse("granularity", Granularity, Granularities)
            : !Formats.Contains(Format) ? Refuse("format", Format, Formats)
            : !Views.Contains(View) ? Refuse("view", View, Views)
            : Context is < 0 or > 10_000 ? Problems.Status(400, "Invalid context", $"context must be between 0 and 10000 lines, not {Context}.")
            : null;

        static IResult Refuse(string name, string value, string[] accepted) =>
            Problems.Status(400, $"Unknown {name}", $"{name} '{value}' is not accepted; use one of: {string.Join(", ", accepted)}.");

        public string ETag(string number, RevisionEntry from, RevisionEntry to) =>
            "\"" + Content.Text.NormalisedText.Sha256(string.Join('|', number, from.EventHash, to.EventHash, from.ContentHash, to.ContentHash, Granularity, Format, View,
                Context, IgnoreWhitespace, DocumentComparison.EngineVersion))[..40] + "\"";
    }
}

/// <summary>A diff as a small HTML page of its own (the web UI gives it a fuller frame).</summary>
static class DiffHtml
{
    public static string Page(DocumentComparison c, string view)
    {
        string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder($$"""
            <!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(c.Number)}}: revisie {{c.From.Revision}} → {{c.To.Revision}}</title>
            <style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:1rem auto;padding:0 1rem;line-height:1.5}
            del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}.moved{background:#def}
            table.diff{border-collapse:collapse;width:100%}td{vertical-align:top;padding:.2rem .4rem;border-bottom:1px solid #eee}td.line{color:#888;text-align:right}
            .diff-inline p.equal{color:#555}</style></head><body>
            <h1>{{E(c.Number)}}: revisie {{c.From.Revision}} → {{c.To.Revision}}</h1>
            """);
        if (c.Diff.Coarser) html.Append($"<p><strong>Grover dan gevraagd:</strong> {E(c.Diff.CoarserReason)}</p>");
        html.Append("<h2>Samenvatting</h2><ul>");
        foreach (var s in c.StructuralChanges)
            html.Append($"<li><a href=\"#change-{s.OldLine ?? -1}-{s.NewLine ?? -1}\">{E(s.Text)}</a></li>");
        foreach (var m in c.MetadataChanges) html.Append($"<li>{E(m.Field)}: <del>{E(m.Old)}</del> <ins>{E(m.New)}</ins></li>");
        html.Append("</ul>");
        html.Append(view == "side-by-side" ? HtmlDiff.SideBySide(c.Diff) : HtmlDiff.Inline(c.Diff));
        return html.Append("</body></html>").ToString();
    }
}
