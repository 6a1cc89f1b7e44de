using System.Text.Json;
using Archive.Api.Documents.TimeTravel;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Archive.Api.Exporting;

public static class ExportEndpoint
{
    [WolverineGet("/api/export", OperationId = "Export")]
    [Tags("Export"), EndpointSummary("Every document as it stood at ?asOf=T (&axis=source|recorded&dossier=&kind=), as NDJSON, streamed")]
    [ProducesResponseType<ExportedDocument>(200, "application/x-ndjson"), ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    public static IResult Get(IDocumentStore store, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, string? asOf = null, string? axis = null, string? dossier = null, string? kind = null)
    {
        var query = TimeTravelQuery.Parse(asOf, axis);
        if (query.Problem is { } problem) return problem;
        return Results.Stream(async output =>
        {
            await using var session = store.QuerySession();
            await ArchiveExport.WriteAsync(session, output, query.At, query.Axis, dossier, kind, json.Value.SerializerOptions, CancellationToken.None);
        }, "application/x-ndjson; charset=utf-8");
    }
}
