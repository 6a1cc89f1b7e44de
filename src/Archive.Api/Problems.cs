namespace Archive.Api;

/// <summary>The ProblemDetails answers that several endpoints give.</summary>
public static class Problems
{
    public static IResult UnknownDocument(string number) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown document",
        detail: $"The Archive has no document numbered '{number}'.");

    public static IResult Status(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);
}
