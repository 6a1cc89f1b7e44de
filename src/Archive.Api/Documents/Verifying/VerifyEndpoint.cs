using Archive.Api.Originals;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Archive.Api.Documents.Verifying;

public static class VerifyEndpoint
{
    [WolverineGet("/api/documents/{nr}/verify", OperationId = "VerifyDocument")]
    [Tags("Audit"), EndpointSummary("Recompute the document's hash chain, its texts' and its originals' hashes, and say exactly what does not match")]
    [ProducesResponseType<VerificationReport>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(string nr, IQuerySession session, OriginalStores originals, CancellationToken ct) =>
        await ChainVerifier.VerifyAsync(session, originals, nr, ct) is { } report ? Results.Ok(report) : Problems.UnknownDocument(nr);
}
