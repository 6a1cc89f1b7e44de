namespace Archive.Api;

/// <summary>The ProblemDetails answers that several endpoints give.</summary>
public static class Problems
{
    public static IResult UnknownDocument(string number) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown document",
        detail: $"The Archive has no document numbered '{number}'.");

    public static IResult Withdrawn(string number, DateTimeOffset at, DateTimeOffset recordedAt) => Results.Problem(
        statusCode: StatusCodes.Status410Gone,
        title: "Document withdrawn",
        detail: $"Document '{number}' was withdrawn by the source at {at:yyyy-MM-ddTHH:mm:ssZ} (recorded {recordedAt:yyyy-MM-ddTHH:mm:ssZ}). Its revisions are still at /api/documents/{number}/revisions.",
        extensions: new Dictionary<string, object?> { ["withdrawnAt"] = at, ["withdrawnRecordedAt"] = recordedAt, ["revisions"] = $"/api/documents/{number}/revisions" });

    public static IResult Status(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);
}
