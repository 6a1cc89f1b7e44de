using System.Net;
using System.Text;
using Archive.Api.Documents.GettingDetails;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Archive.Api;

/// <summary>The front door: what this is, the latest documents, and where the API is described.</summary>
public static class Home
{
    [WolverineGet("/", OperationId = "Home")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public static async Task<IResult> Get(IQuerySession session, CancellationToken ct)
    {
        var latest = await session.Query<DocumentDetails>().OrderByDescending(d => d.LastRecordedAt).Take(25).ToListAsync(ct);
        var html = new StringBuilder("""
            <!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Archief van Kamerstukken</title>
            <style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}td{padding:.2rem .6rem .2rem 0;vertical-align:top}</style>
            </head><body><h1>Archief van Kamerstukken</h1>
            <p>Elke versie van elk document, met wat er veranderde. API: <a href="/docs">referentie</a> · <a href="/openapi/v1.json">OpenAPI</a></p>
            <h2>Laatst bijgewerkt</h2><table>
            """);
        foreach (var d in latest)
            html.Append($"""<tr><td><a href="/api/documents/{Enc(d.Id)}">{Enc(d.Id)}</a></td><td>{Enc(d.Metadata.Subject ?? d.Metadata.Title ?? "")}</td><td>versie {d.SourceVersion}, {d.RevisionCount} revisie(s)</td></tr>""");
        if (latest.Count == 0) html.Append("<tr><td>Nog geen documenten: importeer er een met POST /api/imports.</td></tr>");
        html.Append("</table></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    static string Enc(string s) => WebUtility.HtmlEncode(s);
}
