using Archive.Content.Documents;
using Marten;
using Marten.Events.Aggregation;
using Archive.Api.Documents.TimeTravel;
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

    /// <summary>The hash of the stream's last event: the head of its hash chain, to publish or keep as an anchor.</summary>
    public string LastEventHash { get; set; } = "";

    public bool Withdrawn { get; set; }

    /// <summary>Source time of the status change (withdrawal or restoration) that decides <see cref="Withdrawn"/>.</summary>
    public DateTimeOffset? StatusChangedAt { get; set; }
    public DateTimeOffset? StatusRecordedAt { get; set; }
}

public sealed class DocumentDetailsProjection : SingleStreamProjection<DocumentDetails, string>
{
    public static DocumentDetails Create(RevisionImported e) => Current(new DocumentDetails
    {
        Id = e.DocumentNumber,
        RevisionCount = 1,
        FirstRecordedAt = e.RecordedAt,
        LastRecordedAt = e.RecordedAt,
        LastEventHash = RevisionChain.Hash(e),
    }, e);

    public void Apply(RevisionImported e, DocumentDetails view)
    {
        view.RevisionCount++;
        view.LastRecordedAt = e.RecordedAt;
        view.LastEventHash = RevisionChain.Hash(e);
        if (RevisionKey.Supersedes(e.SourceUpdatedAt, e.SourceVersion, view.SourceUpdatedAt, view.SourceVersion))
            Current(view, e);
    }

    /// <summary>A reread of the current revision is its text from now on; a reread of another revision changes only the chain's head.</summary>
    public void Apply(TextReread e, DocumentDetails view)
    {
        view.LastEventHash = RevisionChain.Hash(e);
        view.LastRecordedAt = e.RecordedAt;
        if (e.Revision == view.CurrentRevision) view.ContentHash = e.TextHash;
    }

    public void Apply(DocumentWithdrawn e, DocumentDetails view) => Status(view, e, true, e.SourceUpdatedAt, e.RecordedAt);

    public void Apply(DocumentRestored e, DocumentDetails view) => Status(view, e, false, e.SourceUpdatedAt, e.RecordedAt);

    static void Status(DocumentDetails view, object e, bool withdrawn, DateTimeOffset at, DateTimeOffset recordedAt)
    {
        view.LastEventHash = RevisionChain.Hash(e);
        view.LastRecordedAt = recordedAt;
        if (view.StatusChangedAt is { } current && at < current) return;
        (view.Withdrawn, view.StatusChangedAt, view.StatusRecordedAt) = (withdrawn, at, recordedAt);
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
    [Tags("Documents"), EndpointSummary("A document as it stands now, or ?asOf=T&axis=source|recorded as it stood then")]
    [ProducesResponseType<DocumentDetails>(200), ProducesResponseType<DocumentAsOf>(200, "application/json")]
    [ProducesResponseType<ProblemDetails>(400, "application/problem+json"), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(410, "application/problem+json")]
    public static async Task<IResult> Get(string nr, HttpContext http, IQuerySession session, CancellationToken ct, string? asOf = null, string? axis = null, string? via = null)
    {
        var baseUri = Mementos.Mementos.BaseUri(http.Request);
        http.Response.Headers.Link = string.Join(", ", Mementos.Mementos.Link(Mementos.Mementos.TimeGate(baseUri, nr), "timegate"),
            Mementos.Mementos.Link(Mementos.Mementos.TimeMap(baseUri, nr), "timemap", type: "application/link-format"));
        if (asOf is null && axis is null && via is null)
            return await session.LoadAsync<DocumentDetails>(nr, ct) switch
            {
                null => Problems.UnknownDocument(nr),
                { Withdrawn: true } gone => Problems.Withdrawn(nr, gone.StatusChangedAt!.Value, gone.StatusRecordedAt!.Value),
                var details => Results.Ok(details),
            };
        var query = TimeTravelQuery.Parse(asOf, axis, via);
        if (query.Problem is { } problem) return problem;
        var answer = query.ByReplay
            ? await DocumentTimeTravel.ByReplayAsync(session, nr, query.At, query.Axis, ct)
            : await DocumentTimeTravel.AtAsync(session, nr, query.At, query.Axis, ct);
        return TimeTravelQuery.Result(nr, answer, query);
    }

    [WolverineGet("/api/documents", OperationId = "ListDocuments")]
    [Tags("Documents"), EndpointSummary("Documents by number, paged with limit (1–1000) and offset")]
    public static async Task<IReadOnlyList<DocumentDetails>> List(IQuerySession session, CancellationToken ct, int limit = 100, int offset = 0) =>
        await session.Query<DocumentDetails>().OrderBy(d => d.Id).Skip(Math.Max(offset, 0)).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(ct);
}
