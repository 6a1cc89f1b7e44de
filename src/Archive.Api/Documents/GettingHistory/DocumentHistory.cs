using Archive.Content.Documents;
using Marten;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Archive.Api.Documents.GettingHistory;

/// <summary>
/// Every revision of a document in the order the Archive recorded them, and its withdrawals and
/// restorations. Composed when read, from rows that an import writes once and never rewrites:
/// one <see cref="TimeTravel.RevisionRecord"/> per revision and the document's small
/// <see cref="StatusHistory"/>. An import costs the same at the thousandth revision as at the first.
/// </summary>
public sealed class DocumentHistory
{
    public string Id { get; set; } = "";
    public List<RevisionEntry> Revisions { get; set; } = [];

    /// <summary>Withdrawals and restorations, in the order recorded.</summary>
    public List<StatusEntry> StatusChanges { get; set; } = [];

    /// <summary>The metadata of the revision recorded last: what the next one's changed fields are measured against.</summary>
    public DocumentMetadata? LastRecordedMetadata { get; set; }

    /// <summary>The document's history, or null when the Archive has no revision of it.</summary>
    public static async Task<DocumentHistory?> LoadAsync(IQuerySession session, string number, CancellationToken ct) =>
        (await LoadWithRecordsAsync(session, number, ct))?.History;

    /// <summary>The history and the rows it is composed from, for a view that needs the revisions' provenance too; null when there is none.</summary>
    public static async Task<(DocumentHistory History, IReadOnlyList<TimeTravel.RevisionRecord> Records)?> LoadWithRecordsAsync(IQuerySession session, string number, CancellationToken ct)
    {
        var records = await session.Query<TimeTravel.RevisionRecord>().Where(r => r.DocumentNumber == number).OrderBy(r => r.Revision).ToListAsync(ct);
        if (records.Count == 0) return null;
        var status = await session.LoadAsync<StatusHistory>(number, ct);
        return (Of(records, status?.StatusChanges ?? []), records);
    }

    /// <summary>The histories of these documents (those the Archive has), in two queries whatever their number.</summary>
    public static async Task<Dictionary<string, DocumentHistory>> LoadManyAsync(IQuerySession session, IReadOnlyCollection<string> numbers, CancellationToken ct)
    {
        var records = await session.Query<TimeTravel.RevisionRecord>().Where(r => r.DocumentNumber.IsOneOf(numbers.ToArray()))
            .OrderBy(r => r.DocumentNumber).ThenBy(r => r.Revision).ToListAsync(ct);
        var statuses = (await session.LoadManyAsync<StatusHistory>(ct, numbers.ToArray())).ToDictionary(s => s.Id);
        return records.GroupBy(r => r.DocumentNumber).ToDictionary(g => g.Key,
            g => Of(g.ToList(), statuses.GetValueOrDefault(g.Key)?.StatusChanges ?? []));
    }

    /// <summary>
    /// The history from its rows, in the order recorded: what each revision changed is measured
    /// against the revision recorded just before it (<see cref="RevisionChanges"/>), as the import decided it.
    /// </summary>
    public static DocumentHistory Of(IReadOnlyList<TimeTravel.RevisionRecord> records, IReadOnlyList<StatusEntry> statusChanges)
    {
        var history = new DocumentHistory { Id = records[0].DocumentNumber, StatusChanges = statusChanges.ToList(), LastRecordedMetadata = records[^1].Metadata };
        TimeTravel.RevisionRecord? previous = null;
        foreach (var r in records)
        {
            history.Revisions.Add(new RevisionEntry(r.Revision, r.SourceVersion, r.SourceUpdatedAt, r.SourceUpdatedRaw, r.RecordedAt,
                r.ContentHash, r.MetadataHash, r.EventHash, r.PreviousEventHash,
                previous is null ? [] : RevisionChanges.ChangedFields(previous.SourceVersion, previous.SourceUpdatedAt, previous.Metadata, r.SourceVersion, r.SourceUpdatedAt, r.Metadata),
                previous is not null && previous.ContentHash != r.ContentHash) { TextNotCaptured = r.TextNotCaptured });
            previous = r;
        }
        return history;
    }
}

/// <summary>A document's withdrawals and restorations (a few at most), kept apart from its revisions so that recording a revision never rewrites them.</summary>
public sealed class StatusHistory
{
    public string Id { get; set; } = "";
    public List<StatusEntry> StatusChanges { get; set; } = [];
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

public sealed class StatusHistoryProjection : SingleStreamProjection<StatusHistory, string>
{
    public void Apply(DocumentWithdrawn e, StatusHistory history) => Add(history, e.DocumentNumber,
        new StatusEntry(true, e.Reason, e.SourceUpdatedAt, e.RecordedAt, RevisionChain.Hash(e), e.PreviousEventHash, e.Provenance));

    public void Apply(DocumentRestored e, StatusHistory history) => Add(history, e.DocumentNumber,
        new StatusEntry(false, e.Reason, e.SourceUpdatedAt, e.RecordedAt, RevisionChain.Hash(e), e.PreviousEventHash, e.Provenance));

    static void Add(StatusHistory history, string number, StatusEntry entry)
    {
        history.Id = number;
        history.StatusChanges.Add(entry);
    }
}

/// <summary>One revision with its metadata, provenance and text: a citable URL per version.</summary>
public sealed record RevisionWithText(string Number, RevisionEntry Revision, DocumentMetadata Metadata, Provenance Provenance, string Text)
{
    /// <summary>The reader, with its version, that made <see cref="Text"/> of the revision's original ("pdf/1"); null where the Archive did not say.</summary>
    public string? Reader { get; init; }

    /// <summary>Where the original is served (it may have none: that URL then says why).</summary>
    public string Original => $"/api/documents/{Number}/revisions/{Revision.Revision}/original";
}

public static class GetDocumentHistoryEndpoints
{
    [WolverineGet("/api/documents/{nr}/revisions", OperationId = "GetRevisions")]
    [Tags("Documents"), EndpointSummary("Every revision of a document: both clocks, hashes, what changed")]
    [ProducesResponseType<DocumentHistory>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Revisions(string nr, IQuerySession session, CancellationToken ct) =>
        await DocumentHistory.LoadAsync(session, nr, ct) is { } history
            ? Results.Ok(history)
            : Problems.UnknownDocument(nr);

    [WolverineGet("/api/documents/{nr}/revisions/{n}", OperationId = "GetRevision")]
    [Tags("Documents"), EndpointSummary("One revision with its metadata and text")]
    [ProducesResponseType<RevisionWithText>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Revision(string nr, int n, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        if (await DocumentHistory.LoadAsync(session, nr, ct) is not { } history) return Problems.UnknownDocument(nr);
        if (history.Revisions.FirstOrDefault(r => r.Revision == n) is not { } revision)
            return Problems.Status(404, "Unknown revision", $"Document '{nr}' has revisions 1 to {history.Revisions.Count}; there is no revision {n}.");
        if (MementoHeaders(http, history, revision) is var etag && http.Request.Headers.IfNoneMatch.Contains(etag)) return Results.StatusCode(304);
        var record = await session.LoadAsync<TimeTravel.RevisionRecord>(TimeTravel.RevisionRecord.IdOf(nr, n), ct);
        var text = await DocumentText.LoadAsync(session, revision.ContentHash, ct);
        return Results.Ok(new RevisionWithText(nr, revision, record!.Metadata, record.Provenance, text ?? "") { Reader = record.Reader });
    }

    /// <summary>
    /// Each revision is a Memento (RFC 7089) of the document, dated by its source time. Its text is a
    /// reading that a reread can replace, and its Link header names the mementos around it, which a new
    /// revision adds to: the ETag covers both, and caches revalidate.
    /// </summary>
    static string MementoHeaders(HttpContext http, DocumentHistory history, RevisionEntry revision)
    {
        var baseUri = Mementos.Mementos.BaseUri(http.Request);
        http.Response.Headers["Memento-Datetime"] = Content.Documents.AsOf.HttpDate(revision.SourceUpdatedAt);
        http.Response.Headers.Link = Mementos.Mementos.MementoLinks(baseUri, history.Id, Mementos.Mementos.Of(history, baseUri), revision.Revision);
        http.Response.Headers.CacheControl = "public, no-cache";
        var etag = "\"" + Content.Text.NormalisedText.Sha256($"{revision.EventHash}|{revision.ContentHash}|{history.Revisions.Count}")[..40] + "\"";
        http.Response.Headers.ETag = etag;
        return etag;
    }

    [WolverineHead("/api/documents/{nr}/revisions/{n}", OperationId = "GetRevisionHead")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public static async Task<IResult> RevisionHead(string nr, int n, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        if (await DocumentHistory.LoadAsync(session, nr, ct) is not { } history) return Problems.UnknownDocument(nr);
        if (history.Revisions.FirstOrDefault(r => r.Revision == n) is not { } revision) return Results.NotFound();
        MementoHeaders(http, history, revision);
        return Results.Ok();
    }
}
