using Archive.Content.Documents;
using Marten;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Archive.Api.Documents.GettingHistory;

/// <summary>Every revision of a document in the order the Archive recorded them.</summary>
public sealed class DocumentHistory
{
    public string Id { get; set; } = "";
    public List<RevisionEntry> Revisions { get; set; } = [];

    /// <summary>Withdrawals and restorations, in the order recorded.</summary>
    public List<StatusEntry> StatusChanges { get; set; } = [];

    /// <summary>The metadata of the revision recorded last: what the next one's changed fields are measured against.</summary>
    public DocumentMetadata? LastRecordedMetadata { get; set; }
}

public sealed record StatusEntry(bool Withdrawn, string? Reason, DateTimeOffset SourceUpdatedAt, DateTimeOffset RecordedAt,
    string EventHash, string? PreviousEventHash, Provenance Provenance);

/// <param name="ChangedFields">Metadata fields that differ from the revision recorded just before this one ("versie", "bijgewerkt", "title" …).</param>
/// <param name="TextChanged">Whether the text differs from the revision recorded just before this one.</param>
public sealed record RevisionEntry(
    int Revision,
    int SourceVersion,
    DateTimeOffset SourceUpdatedAt,
    string SourceUpdatedRaw,
    DateTimeOffset RecordedAt,
    string ContentHash,
    string MetadataHash,
    string EventHash,
    string? PreviousEventHash,
    IReadOnlyList<string> ChangedFields,
    bool TextChanged)
{
    /// <summary>Why this revision has no text (see <see cref="RevisionImported.TextNotCaptured"/>); absent when it has.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? TextNotCaptured { get; init; }
}

public sealed class DocumentHistoryProjection : SingleStreamProjection<DocumentHistory, string>
{
    public static DocumentHistory Create(RevisionImported e) =>
        new() { Id = e.DocumentNumber, Revisions = [Entry(e, null, null)], LastRecordedMetadata = e.Metadata };

    /// <summary>Each entry is small (the metadata and provenance of every revision are in <see cref="TimeTravel.RevisionRecord"/>): a long history stays cheap to rewrite.</summary>
    public void Apply(RevisionImported e, DocumentHistory history)
    {
        history.Revisions.Add(Entry(e, history.Revisions.LastOrDefault(), history.LastRecordedMetadata));
        history.LastRecordedMetadata = e.Metadata;
    }

    public void Apply(DocumentWithdrawn e, DocumentHistory history) =>
        history.StatusChanges.Add(new StatusEntry(true, e.Reason, e.SourceUpdatedAt, e.RecordedAt, RevisionChain.Hash(e), e.PreviousEventHash, e.Provenance));

    public void Apply(DocumentRestored e, DocumentHistory history) =>
        history.StatusChanges.Add(new StatusEntry(false, e.Reason, e.SourceUpdatedAt, e.RecordedAt, RevisionChain.Hash(e), e.PreviousEventHash, e.Provenance));

    static RevisionEntry Entry(RevisionImported e, RevisionEntry? previous, DocumentMetadata? previousMetadata) => new(
        e.Revision, e.SourceVersion, e.SourceUpdatedAt, e.SourceUpdatedRaw, e.RecordedAt, e.ContentHash, e.MetadataHash,
        RevisionChain.Hash(e), e.PreviousEventHash,
        previous is null ? [] : ChangedFields(previous, previousMetadata!, e),
        previous is not null && previous.ContentHash != e.ContentHash) { TextNotCaptured = e.TextNotCaptured };

    static IReadOnlyList<string> ChangedFields(RevisionEntry previous, DocumentMetadata previousMetadata, RevisionImported e) =>
        RevisionChanges.ChangedFields(previous.SourceVersion, previous.SourceUpdatedAt, previousMetadata, e.SourceVersion, e.SourceUpdatedAt, e.Metadata);
}

/// <summary>One revision with its metadata, provenance and text: a citable URL per version.</summary>
public sealed record RevisionWithText(string Number, RevisionEntry Revision, DocumentMetadata Metadata, Provenance Provenance, string Text);

public static class GetDocumentHistoryEndpoints
{
    [WolverineGet("/api/documents/{nr}/revisions", OperationId = "GetRevisions")]
    [Tags("Documents"), EndpointSummary("Every revision of a document: both clocks, hashes, what changed")]
    [ProducesResponseType<DocumentHistory>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Revisions(string nr, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<DocumentHistory>(nr, ct) is { } history
            ? Results.Ok(history)
            : Problems.UnknownDocument(nr);

    [WolverineGet("/api/documents/{nr}/revisions/{n}", OperationId = "GetRevision")]
    [Tags("Documents"), EndpointSummary("One revision with its metadata and text")]
    [ProducesResponseType<RevisionWithText>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Revision(string nr, int n, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<DocumentHistory>(nr, ct) is not { } history) return Problems.UnknownDocument(nr);
        if (history.Revisions.FirstOrDefault(r => r.Revision == n) is not { } revision)
            return Problems.Status(404, "Unknown revision", $"Document '{nr}' has revisions 1 to {history.Revisions.Count}; there is no revision {n}.");
        MementoHeaders(http, history, revision);
        var record = await session.LoadAsync<TimeTravel.RevisionRecord>(TimeTravel.RevisionRecord.IdOf(nr, n), ct);
        var text = await DocumentText.LoadAsync(session, revision.ContentHash, ct);
        return Results.Ok(new RevisionWithText(nr, revision, record!.Metadata, record.Provenance, text ?? ""));
    }

    /// <summary>Each revision is a Memento (RFC 7089) of the document, dated by its source time.</summary>
    static void MementoHeaders(HttpContext http, DocumentHistory history, RevisionEntry revision)
    {
        var baseUri = Mementos.Mementos.BaseUri(http.Request);
        http.Response.Headers["Memento-Datetime"] = Content.Documents.AsOf.HttpDate(revision.SourceUpdatedAt);
        http.Response.Headers.Link = Mementos.Mementos.MementoLinks(baseUri, history.Id, Mementos.Mementos.Of(history, baseUri), revision.Revision);
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
    }

    [WolverineHead("/api/documents/{nr}/revisions/{n}", OperationId = "GetRevisionHead")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public static async Task<IResult> RevisionHead(string nr, int n, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<DocumentHistory>(nr, ct) is not { } history) return Problems.UnknownDocument(nr);
        if (history.Revisions.FirstOrDefault(r => r.Revision == n) is not { } revision) return Results.NotFound();
        MementoHeaders(http, history, revision);
        return Results.Ok();
    }
}
