using Archive.Content.Documents;

namespace Archive.Api.Documents;

/// <summary>Where a revision came from: enough to find the source again and to check it.</summary>
/// <param name="SourceKind">"opentk-page" for a tkconv text page; other importers add their own.</param>
/// <param name="SourceName">File name or URL as given to the importer.</param>
/// <param name="SourceId">The source's own id for the document, where it has one.</param>
/// <param name="SourceSha256">SHA-256 of the bytes as received.</param>
public sealed record Provenance(
    string SourceKind,
    string? SourceName,
    string? SourceId,
    string? SourceSha256,
    long? SourceBytes,
    string? ContentType,
    string ImporterVersion);

/// <summary>
/// A version of a document the Archive had not seen before. Carries both clocks: the source's
/// own update time (<see cref="SourceUpdatedAt"/>) and when the Archive recorded it
/// (<see cref="RecordedAt"/>), and <see cref="PreviousEventHash"/>, the hash of the revision
/// event before it in this stream, which makes each document's history a hash chain.
/// </summary>
public sealed record RevisionImported(
    string DocumentNumber,
    int Revision,
    int SourceVersion,
    string SourceUpdatedRaw,
    DocumentMetadata Metadata,
    string MetadataHash,
    string ContentHash,
    string? PreviousEventHash,
    Provenance Provenance,
    DateTimeOffset SourceUpdatedAt,
    DateTimeOffset RecordedAt)
{
    /// <summary>
    /// Why the text of this version could not be captured (its file missing, unreadable …), in which
    /// case <see cref="ContentHash"/> is that of the empty text. Left out of the JSON when null, so
    /// the hash of every event recorded before this existed stays what it was.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? TextNotCaptured { get; init; }

    /// <summary>
    /// The fields that differ from the revision recorded just before this one (<see cref="RevisionChanges"/>),
    /// so that whoever is told of this revision need not read its history. Null (and left out of the JSON)
    /// on events recorded before the Archive wrote it, and when the write model it was decided on did not know.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? ChangedFields { get; init; }

    /// <summary>Whether the text differs from the revision recorded just before this one; null as <see cref="ChangedFields"/> is.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public bool? TextChanged { get; init; }

    /// <summary>
    /// The reader, with its version, whose reading of the original is <see cref="ContentHash"/>'s text
    /// ("pdf/1", "opentk-page/1"); null on events recorded before the Archive said which (DESIGN decision 14).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Reader { get; init; }
}

/// <summary>
/// A revision's original read again, by a newer reader, gave another text (DESIGN decision 14): from
/// now on every view reads <see cref="TextHash"/>'s text for <see cref="Revision"/>. A recorded-time
/// fact, not a change of the source: the revision, its event and its earlier reading
/// (<see cref="PreviousTextHash"/>) stay as they were, and this event joins the stream's hash chain.
/// </summary>
/// <param name="RevisionSourceUpdatedAt">The source time of the revision read again, so that whoever is told of it need not look it up.</param>
public sealed record TextReread(
    string DocumentNumber,
    int Revision,
    string Reader,
    string TextHash,
    string? PreviousReader,
    string PreviousTextHash,
    string? PreviousEventHash,
    DateTimeOffset RevisionSourceUpdatedAt,
    DateTimeOffset RecordedAt);

/// <summary>
/// The source withdrew the document (a tombstone: tk:verwijderd). Its history stays; as of any
/// time after <see cref="SourceUpdatedAt"/> it answers 410 Gone. Linked into the stream's hash
/// chain like every event of the stream.
/// </summary>
public sealed record DocumentWithdrawn(
    string DocumentNumber,
    string? DossierNumber,
    string? Reason,
    string? PreviousEventHash,
    Provenance Provenance,
    DateTimeOffset SourceUpdatedAt,
    DateTimeOffset RecordedAt);

/// <summary>The source brought a withdrawn document back.</summary>
public sealed record DocumentRestored(
    string DocumentNumber,
    string? DossierNumber,
    string? Reason,
    string? PreviousEventHash,
    Provenance Provenance,
    DateTimeOffset SourceUpdatedAt,
    DateTimeOffset RecordedAt);
