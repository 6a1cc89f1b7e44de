using Archive.Api.Infrastructure;
using Archive.Content.Input;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Http;

namespace Archive.Api.Documents.Withdrawing;

/// <param name="SourceUpdatedAt">When the source withdrew or restored it; now when left out.</param>
public sealed record StatusRequest(DateTimeOffset? SourceUpdatedAt, string? Reason);

public sealed record StatusResponse(string Number, StatusOutcome Outcome, bool Withdrawn);

/// <summary>POST /api/documents/{nr}/withdrawal and /restoration: what the importers do when the source deletes or restores a document.</summary>
public static class ChangeStatusEndpoints
{
    public static ProblemDetails Before(HttpContext context, IOptions<ArchiveOptions> options) => ApiKeyCheck.Verify(context, options);

    [WolverinePost("/api/documents/{nr}/withdrawal", OperationId = "WithdrawDocument")]
    [Tags("Documents"), EndpointSummary("Withdraw a document (the source deleted it); needs the API key")]
    [ProducesResponseType<StatusResponse>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json"), ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    public static Task<IResult> Withdraw(string nr, StatusRequest request, IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
        Change(nr, withdraw: true, request, bus, clock, ct);

    [WolverinePost("/api/documents/{nr}/restoration", OperationId = "RestoreDocument")]
    [Tags("Documents"), EndpointSummary("Restore a withdrawn document; needs the API key")]
    [ProducesResponseType<StatusResponse>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json"), ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    public static Task<IResult> Restore(string nr, StatusRequest request, IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
        Change(nr, withdraw: false, request, bus, clock, ct);

    public const int MaxReasonLength = 2_000;

    static async Task<IResult> Change(string nr, bool withdraw, StatusRequest request, IMessageBus bus, TimeProvider clock, CancellationToken ct)
    {
        if (request.SourceUpdatedAt is { } at && !Limits.InRange(at))
            return Problems.Status(400, "Invalid sourceUpdatedAt", $"sourceUpdatedAt {at:O} is not {Limits.TimeRange}.");
        if (request.Reason is { Length: > MaxReasonLength })
            return Problems.Status(400, "Reason too long", $"The reason is {request.Reason.Length:N0} characters long; the Archive takes at most {MaxReasonLength:N0}.");
        var provenance = new Provenance("api", null, null, null, null, "application/json", "archive-api/1");
        var reason = request.Reason is null ? null : CleanText.Clean(request.Reason);
        var outcome = await bus.InvokeAsync<StatusOutcome>(new ChangeStatus(nr, withdraw, request.SourceUpdatedAt ?? clock.GetUtcNow(), reason, provenance), ct);
        return outcome switch
        {
            StatusOutcome.Unknown => Problems.UnknownDocument(nr),
            StatusOutcome.Superseded => Problems.Status(409, "Later status already recorded",
                $"Document '{nr}' already has a status change with a later source time; one dated {request.SourceUpdatedAt:O} would not change its status, so nothing was recorded."),
            _ => Results.Ok(new StatusResponse(nr, outcome, outcome == StatusOutcome.Withdrawn || (outcome == StatusOutcome.Unchanged && withdraw))),
        };
    }
}
