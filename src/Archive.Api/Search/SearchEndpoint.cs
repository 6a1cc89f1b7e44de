using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Archive.Api.Search;

/// <param name="Total">How many documents match, exact up to 1,000; when <see cref="More"/>, more than that; when <see cref="Estimated"/>, PostgreSQL's estimate of how many.</param>
/// <param name="Order">"relevance", or "newest" when more than 200 match: then the newest come first, unranked.</param>
/// <param name="Estimated">The total is an estimate (words in more documents than are counted), not a count.</param>
public sealed record SearchResponse(string Query, DateTimeOffset? AsOf, string Axis, int Total, bool More, string Order, int Limit, int Offset,
    IReadOnlyList<SearchHit> Results, IReadOnlyList<DossierHit> Dossiers, bool Estimated);

public static class SearchEndpoint
{
    [WolverineGet("/api/search", OperationId = "Search")]
    [Tags("Search"), EndpointSummary("Full-text search, web-style: ?q=motie -vervallen \"vraag 7\" or amendement&kind=&dossier=&from=&to=&asOf=&axis=&limit=&offset=")]
    [ProducesResponseType<SearchResponse>(200), ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    public static async Task<IResult> Get(IDocumentStore store, IQuerySession session, Microsoft.Extensions.Options.IOptions<ArchiveOptions> options, CancellationToken ct,
        string? q = null, string? kind = null, string? dossier = null, string? from = null, string? to = null,
        string? asOf = null, string? axis = null, int? limit = null, int? offset = null)
    {
        var (request, refusal) = SearchInput.Parse(q, kind, dossier, from, to, asOf, axis, limit, offset);
        if (refusal is not null) return Problems.Status(400, refusal.Title, refusal.Detail);
        var results = await DocumentSearch.RunAsync(store, session, request!, options.Value.Search, ct);
        return Results.Ok(new SearchResponse(q!, request!.At == DateTimeOffset.MaxValue ? null : request.At, request.Axis.ToString().ToLowerInvariant(),
            results.Total, results.More, results.Ranked ? "relevance" : "newest", request.Limit, request.Offset, results.Hits, results.Dossiers, results.Estimated));
    }
}
