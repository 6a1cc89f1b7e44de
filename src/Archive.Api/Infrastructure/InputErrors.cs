using Archive.Content.Input;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Archive.Api.Infrastructure;

/// <summary>
/// The last line of the rule "no 5xx from input": what a request's own fault still raises as an
/// exception (a broken or slow body, a value the database refuses) becomes a 4xx ProblemDetails
/// with the trace id; everything else stays a 500 ProblemDetails with the trace id and no details,
/// and is logged.
/// </summary>
public sealed class InputExceptionHandler(IProblemDetailsService problems, ILogger<InputExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
            return true;   // the client went away: there is no one to answer
        // Marten and Wolverine wrap what the database said: the cause decides.
        var cause = exception;
        while (Refusal(cause) is null && cause.InnerException is { } inner) cause = inner;
        if (Refusal(cause) is not { } refusal) return false;
        log.LogInformation("{Method} {Path}: {Status} {Title} ({Reason})", http.Request.Method, http.Request.Path, refusal.Status, refusal.Title, exception.Message);
        http.Response.StatusCode = refusal.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = refusal.Status, Title = refusal.Title, Detail = refusal.Detail },
        });
    }

    sealed record Answer(int Status, string Title, string Detail);

    static Answer? Refusal(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: 408 } => new(408, "Request timed out", "The request body arrived too slowly."),
        BadHttpRequestException { StatusCode: 413 } => new(413, "Request too large", "The request body is over the limit."),
        BadHttpRequestException bad => new(bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400, "Bad request", "The request could not be read: " + bad.Message),
        Microsoft.AspNetCore.Connections.ConnectionResetException => new(400, "Bad request", "The connection was reset while the request was read."),
        // Data exceptions (22…) and program limits (54…): a value the database cannot take or an answer it cannot give.
        PostgresException { SqlState: [ '2', '2', .. ] or [ '5', '4', .. ] } => new(400, "Input the Archive cannot use",
            "A value in the request is beyond what the Archive can store or search for; shorten or correct it."),
        _ => null,
    };
}

/// <summary>
/// Every route with {nr} takes a document number, or on a dossier route a dossier number, checked
/// the same way before any endpoint runs, so that no malformed number reaches a query, a header or
/// a file name. API routes answer 400 ProblemDetails here; pages answer the same in Dutch (<see cref="Pages.ArchivePage"/>).
/// </summary>
public static class RouteIdentifiers
{
    public static string? Problem(HttpContext http)
    {
        if (http.GetRouteValue("nr") is not string nr) return null;
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
        return IsDossierRoute(pattern) ? Identifiers.DossierProblem(nr) : Identifiers.DocumentProblem(nr);
    }

    public static bool IsDossierRoute(string pattern) => pattern.Contains("dossiers/{nr}", StringComparison.OrdinalIgnoreCase);

    public static void UseRouteIdentifiers(this WebApplication app) => app.Use(async (http, next) =>
    {
        var page = http.GetEndpoint()?.Metadata.GetMetadata<ActionDescriptor>() is PageActionDescriptor;
        if (!page && Problem(http) is { } problem)
        {
            await Results.Problem(statusCode: 400, title: "Invalid number", detail: problem + ".").ExecuteAsync(http);
            return;
        }
        await next(http);
    });
}
