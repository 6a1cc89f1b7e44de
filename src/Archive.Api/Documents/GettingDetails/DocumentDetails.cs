using Archive.Content.Documents;
using Marten;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Archive.Api.Documents.GettingDetails;

/// <summary>A document as it stands now: the revision with the latest source time, plus counts.</summary>
public sealed class DocumentDetails
{
    public string Id { get; set; } = "";
    public int CurrentRevision { get; set; }
    public int SourceVersion { get; set; }
    public DateTimeOffset SourceUpdatedAt { get; set; }
    public string SourceUpdatedRaw { get; set; } = "";
    public DocumentMetadata Metadata { get; set; } = null!;
    public string MetadataHash { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public int RevisionCount { get; set; }
    public DateTimeOffset FirstRecordedAt { get; set; }
    public DateTimeOffset LastRecordedAt { get; set; }
}

public sealed class DocumentDetailsProjection : SingleStreamProjection<DocumentDetails, string>
{
    public static DocumentDetails Create(RevisionImported e) => Current(new DocumentDetails
    {
        Id = e.DocumentNumber,
        RevisionCount = 1,
        FirstRecordedAt = e.RecordedAt,
        LastRecordedAt = e.RecordedAt,
    }, e);

    public void Apply(RevisionImported e, DocumentDetails view)
    {
        view.RevisionCount++;
        view.LastRecordedAt = e.RecordedAt;
        if (RevisionKey.Supersedes(e.SourceUpdatedAt, e.SourceVersion, view.SourceUpdatedAt, view.SourceVersion))
            Current(view, e);
    }

    static DocumentDetails Current(DocumentDetails view, RevisionImported e)
    {
        view.CurrentRevision = e.Revision;
        view.SourceVersion = e.SourceVersion;
        view.SourceUpdatedAt = e.SourceUpdatedAt;
        view.SourceUpdatedRaw = e.SourceUpdatedRaw;
        view.Metadata = e.Metadata;
        view.MetadataHash = e.MetadataHash;
        view.ContentHash = e.ContentHash;
        return view;
    }
}

public static class GetDocumentDetailsEndpoint
{
    [WolverineGet("/api/documents/{nr}", OperationId = "GetDocument")]
    [Tags("Documents"), EndpointSummary("A document as it stands now (its latest revision by source time)")]
    [ProducesResponseType<DocumentDetails>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(string nr, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<DocumentDetails>(nr, ct) is { } details
            ? Results.Ok(details)
            : Problems.UnknownDocument(nr);

    [WolverineGet("/api/documents", OperationId = "ListDocuments")]
    [Tags("Documents"), EndpointSummary("Documents by number, paged with limit (1–1000) and offset")]
    public static async Task<IReadOnlyList<DocumentDetails>> List(IQuerySession session, CancellationToken ct, int limit = 100, int offset = 0) =>
        await session.Query<DocumentDetails>().OrderBy(d => d.Id).Skip(Math.Max(offset, 0)).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(ct);
}
