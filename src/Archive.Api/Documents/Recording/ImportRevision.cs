using Archive.Content.Documents;
using Archive.Content.Text;

namespace Archive.Api.Documents.Recording;

/// <summary>Record this version of a document, unless the Archive already has it.</summary>
public sealed record ImportRevision(
    DocumentMetadata Metadata,
    int SourceVersion,
    DateTimeOffset SourceUpdatedAt,
    string SourceUpdatedRaw,
    string Text,
    Provenance Provenance)
{
    /// <summary>The document's stream: Wolverine loads its write model by this (the aggregate handler workflow).</summary>
    [JasperFx.Identity]
    public string Number => Metadata.Number;
    public string ContentHash { get; } = NormalisedText.Sha256(Text);

    /// <summary>Why the text is not there (the file could not be had or read); the revision records its metadata all the same.</summary>
    public string? TextNotCaptured { get; init; }

    /// <summary>
    /// The file as received (an OpenTK page is its own), kept under <see cref="Provenance.SourceSha256"/>
    /// with the revision it gives; null when there is none to keep (none was fetched, or it was refused unread).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ReadOnlyMemory<byte>? Original { get; init; }

    /// <summary>The reader, with its version, that made <see cref="Text"/> of the original ("pdf/1"); null when no text was read.</summary>
    public string? Reader { get; init; }

    /// <summary>What logs and errors show: which revision, never its whole text.</summary>
    public override string ToString() => $"ImportRevision {Number} (versie {SourceVersion}, bijgewerkt {SourceUpdatedRaw})";
}

public enum ImportOutcome { Created, Revised, Unchanged, Rejected }

/// <param name="Current">Whether this revision is now the document's current state (false when it arrived out of order).</param>
public sealed record ImportDecision(ImportOutcome Outcome, int Revision, bool Current, IReadOnlyList<RevisionImported> Events);

public static class ImportRevisionDecision
{
    /// <summary>
    /// A revision identical to any revision already in the stream changes nothing. Anything else
    /// is recorded as the next revision, linked to the previous one by its hash; it becomes current
    /// only if its source time is the latest (an older version arriving late is history, not news).
    /// </summary>
    public static ImportDecision Decide(Document? document, ImportRevision command, DateTimeOffset now)
    {
        var metadataHash = command.Metadata.Hash();
        var key = new RevisionKey(command.SourceVersion, command.SourceUpdatedAt, metadataHash, command.ContentHash);
        if (document?.RevisionWith(key) is { } known)
            return new ImportDecision(ImportOutcome.Unchanged, known, IsCurrent(document, command), []);

        var revision = (document?.Revisions ?? 0) + 1;
        var imported = new RevisionImported(command.Number, revision, command.SourceVersion, command.SourceUpdatedRaw,
            command.Metadata, metadataHash, command.ContentHash, document?.LastEventHash, command.Provenance,
            command.SourceUpdatedAt, now)
        {
            TextNotCaptured = command.TextNotCaptured,
            Reader = command.Reader,
            ChangedFields = document is null ? [] : ChangedFields(document, command),
            TextChanged = document?.LastRecordedKey is { } last && last.ContentHash != command.ContentHash,
        };
        return new ImportDecision(document is null ? ImportOutcome.Created : ImportOutcome.Revised, revision,
            document is null || IsCurrent(document, command), [imported]);
    }

    /// <summary>Against the revision recorded last; unknown (null) when the write model predates keeping its metadata.</summary>
    static IReadOnlyList<string>? ChangedFields(Document document, ImportRevision command) =>
        document is { LastRecordedMetadata: { } metadata, LastRecordedKey: { } last }
            ? RevisionChanges.ChangedFields(last.SourceVersion, last.SourceUpdatedAt, metadata,
                command.SourceVersion, command.SourceUpdatedAt, command.Metadata)
            : null;

    static bool IsCurrent(Document document, ImportRevision command) =>
        RevisionKey.Supersedes(command.SourceUpdatedAt, command.SourceVersion, document.CurrentSourceUpdatedAt, document.CurrentSourceVersion);
}
