using System.Text.Json.Serialization;
using Archive.Api.Documents;
using Archive.Api.Documents.Recording;
using Archive.Api.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Wolverine;
using Wolverine.Http;

namespace Archive.Api.Importing;

public sealed record ImportedItem(
    string? Number, ImportOutcome Outcome, int? Revision, bool? Current, string? Source, string? Reason,
    [property: JsonPropertyName("links")] IReadOnlyDictionary<string, string>? Links);

public sealed record ImportResponse(IReadOnlyList<ImportedItem> Results, IReadOnlyDictionary<string, int> Summary);

/// <summary>
/// POST /api/imports: one OpenTK page as text/plain, or several files as multipart/form-data.
/// Each document is imported in its own transaction; the answer lists what became of each.
/// </summary>
public static class ImportEndpoint
{
    public static ProblemDetails Before(HttpContext context, IOptions<ArchiveOptions> options) =>
        ApiKeyCheck.Verify(context, options);

    [WolverinePost("/api/imports", OperationId = "Import")]
    [Tags("Imports"), EndpointSummary("Import one OpenTK page (text/plain) or several (multipart/form-data); needs the API key")]
    [ProducesResponseType<ImportResponse>(200), ProducesResponseType<ImportResponse>(201)]
    [ProducesResponseType<ProblemDetails>(400, "application/problem+json"), ProducesResponseType<ProblemDetails>(401, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(413, "application/problem+json"), ProducesResponseType<ProblemDetails>(415, "application/problem+json")]
    public static async Task<IResult> Post(HttpRequest request, IMessageBus bus, IOptions<ArchiveOptions> options, ILogger<ImportResponse> log, CancellationToken ct)
    {
        var limit = options.Value.Imports.MaxBodyBytes;
        var (body, problem) = await RequestBody.ReadAsync(request, limit, ct);
        if (problem is not null) return problem;

        var contentType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed : null;
        var mediaType = contentType?.MediaType.Value ?? "text/plain";
        if (mediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return await ImportFiles(body!, contentType!, bus, log, ct);
        if (!mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
            return Problems.Status(415, "Unsupported media type",
                $"'{mediaType}' is not accepted: send one page as text/plain or several files as multipart/form-data.");
        return await ImportPage(body!, bus, log, ct);
    }

    static async Task<IResult> ImportPage(byte[] body, IMessageBus bus, ILogger log, CancellationToken ct)
    {
        var result = await ImportOne("request body", body, bus, log, ct);
        if (result.Outcome == ImportOutcome.Rejected)
            return Problems.Status(400, "Page refused", $"The page was not imported: {result.Reason}.");
        var response = Response([result]);
        return result.Outcome == ImportOutcome.Created
            ? Results.Created($"/api/documents/{result.Number}", response)
            : Results.Ok(response);
    }

    static async Task<IResult> ImportFiles(byte[] body, MediaTypeHeaderValue contentType, IMessageBus bus, ILogger log, CancellationToken ct)
    {
        var files = await MultipartFiles.ReadAsync(body, contentType, ct);
        if (files.Problem is not null) return files.Problem;
        var results = new List<ImportResult>();
        foreach (var (name, bytes, _) in files.Files)
            results.Add(await ImportOne(name, bytes, bus, log, ct));
        if (results.All(r => r.Outcome == ImportOutcome.Rejected))
            return Results.Problem(statusCode: 400, title: "Every file refused", detail: "None of the files could be imported; see 'results' for the reason of each.",
                extensions: new Dictionary<string, object?> { ["results"] = Response(results).Results });
        return Results.Ok(Response(results));
    }

    /// <summary>
    /// One file, in its own transaction: it commits or it is rejected with its reason. Only a fault
    /// of the Archive's own (the database gone) ends the request; then what was committed is listed
    /// nowhere, but importing the same files again skips it.
    /// </summary>
    static async Task<ImportResult> ImportOne(string name, byte[] bytes, IMessageBus bus, ILogger log, CancellationToken ct)
    {
        if (!Content.Text.Utf8Text.TryDecode(bytes, out var text, out var error))
            return ImportResult.Rejected(name, error);
        var provenance = new Provenance("opentk-page", name, null, Content.Text.NormalisedText.Sha256(bytes), bytes.LongLength, OpenTkPages.OriginalType, OpenTkPages.ImporterVersion);
        try
        {
            return await OpenTkPages.ImportAsync(bus, name, text, bytes, provenance, ct);
        }
        catch (Exception e) when (ImportFaults.IsFilesOwn(e))
        {
            log.LogWarning(e, "Import of {File} failed; it is rejected and the other files go on", name);
            return ImportResult.Rejected(name, ImportFaults.Reason(e));
        }
    }

    static ImportResponse Response(IReadOnlyList<ImportResult> results) => new(
        results.Select(r => new ImportedItem(r.Number, r.Outcome, r.Revision, r.Current, r.Source, r.Reason, Links(r))).ToList(),
        Enum.GetValues<ImportOutcome>().ToDictionary(o => o.ToString().ToLowerInvariant(), o => results.Count(r => r.Outcome == o)));

    static IReadOnlyDictionary<string, string>? Links(ImportResult r) => r.Outcome == ImportOutcome.Rejected ? null : new Dictionary<string, string>
    {
        ["document"] = $"/api/documents/{r.Number}",
        ["revisions"] = $"/api/documents/{r.Number}/revisions",
        ["revision"] = $"/api/documents/{r.Number}/revisions/{r.Revision}",
    };
}

/// <summary>Reads a request body into memory, refusing anything over the configured limit with 413.</summary>
static class RequestBody
{
    public static async Task<(byte[]? Body, IResult? Problem)> ReadAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) return (null, TooLarge(limit));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit + 1;
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > limit) return (null, TooLarge(limit));
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(limit));
        }
        return buffer.Length == 0
            ? (null, Problems.Status(400, "Empty request", "The request body is empty: send an OpenTK page as text/plain, or files as multipart/form-data."))
            : (buffer.ToArray(), null);
    }

    static IResult TooLarge(long limit) => Problems.Status(413, "Request too large",
        $"The request body is over the limit of {limit:N0} bytes (Archive:Imports:MaxBodyBytes).");
}

/// <summary>The parts of a multipart/form-data body, each a file to import.</summary>
static class MultipartFiles
{
    public sealed record Result(IReadOnlyList<(string Name, byte[] Bytes, string ContentType)> Files, IResult? Problem);

    public static async Task<Result> ReadAsync(byte[] body, MediaTypeHeaderValue contentType, CancellationToken ct)
    {
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary)) return Refused("the multipart/form-data content type has no boundary");
        var files = new List<(string, byte[], string)>();
        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(body));
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition);
                var name = disposition?.FileName.Value ?? disposition?.Name.Value ?? $"part {files.Count + 1}";
                using var bytes = new MemoryStream();
                await section.Body.CopyToAsync(bytes, ct);
                files.Add((HeaderUtilities.RemoveQuotes(name).Value ?? name, bytes.ToArray(), section.ContentType ?? "text/plain"));
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return Refused($"the multipart body is malformed ({e.Message})");
        }
        return files.Count == 0 ? Refused("the multipart body holds no files") : new Result(files, null);
    }

    static Result Refused(string reason) => new([], Problems.Status(400, "Malformed upload", $"Nothing was imported: {reason}."));
}
