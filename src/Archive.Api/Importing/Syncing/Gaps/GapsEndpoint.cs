using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Archive.Api.Importing.Syncing.Gaps;

public static class GapsEndpoint
{
    [WolverineGet("/api/gaps", OperationId = "GetGaps")]
    [Tags("Syncing"), EndpointSummary("The gap ledger: what the sync could not capture, why, and each attempt; ?state=open|closed|all&reason=&category=&limit=&offset=")]
    [ProducesResponseType<GapPage>(200), ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    public static async Task<IResult> Get(IQuerySession session, CancellationToken ct,
        string? state = null, string? reason = null, string? category = null, int? limit = null, int? offset = null)
    {
        var query = new GapQuery(state ?? "open", reason, category, limit ?? 50, offset ?? 0);
        if (query.Problem() is { } problem) return Problems.Status(400, "Unreadable gap query", $"The gap ledger cannot be asked that: {problem}.");
        return Results.Ok(await query.RunAsync(session, ct));
    }
}
