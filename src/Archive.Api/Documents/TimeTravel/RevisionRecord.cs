using Archive.Content.Documents;
using JasperFx.Events;
using Marten;
using Marten.Patching;
using Marten.Events.Projections;

namespace Archive.Api.Documents.TimeTravel;

/// <summary>
/// One revision as its own row, indexed by document and each clock, so that "which revision
/// stood at T" is one index lookup, not a replay of the stream.
/// </summary>
public sealed class RevisionRecord
{
    public string Id { get; set; } = "";
    public string DocumentNumber { get; set; } = "";
    public int Revision { get; set; }
    public int SourceVersion { get; set; }
    public DateTimeOffset SourceUpdatedAt { get; set; }
    public string SourceUpdatedRaw { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public string? DossierNumber { get; set; }
    public string? Kind { get; set; }
    public DocumentMetadata Metadata { get; set; } = null!;
    public string MetadataHash { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public string EventHash { get; set; } = "";
    public string? PreviousEventHash { get; set; }
    public Provenance Provenance { get; set; } = null!;

    /// <summary>Why this revision has no text (see <see cref="RevisionImported.TextNotCaptured"/>); absent when it has.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? TextNotCaptured { get; set; }

    /// <summary>The reader that made the text of the original ("pdf/1"); absent on revisions recorded before the Archive said which.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Reader { get; set; }

    public static string IdOf(string number, int revision) => $"{number}@{revision}";
}

/// <summary>A withdrawal or restoration as its own row, indexed like <see cref="RevisionRecord"/>.</summary>
public sealed class StatusRecord
{
    public Guid Id { get; set; }
    public string DocumentNumber { get; set; } = "";
    public string? DossierNumber { get; set; }
    public bool Withdrawn { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset SourceUpdatedAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

public sealed partial class TimeTravelProjection : EventProjection
{
    public RevisionRecord Create(RevisionImported e) => new()
    {
        Id = RevisionRecord.IdOf(e.DocumentNumber, e.Revision),
        DocumentNumber = e.DocumentNumber,
        Revision = e.Revision,
        SourceVersion = e.SourceVersion,
        SourceUpdatedAt = e.SourceUpdatedAt,
        SourceUpdatedRaw = e.SourceUpdatedRaw,
        RecordedAt = e.RecordedAt,
        DossierNumber = e.Metadata.Dossier?.Number,
        Kind = e.Metadata.Kind,
        Metadata = e.Metadata,
        MetadataHash = e.MetadataHash,
        ContentHash = e.ContentHash,
        EventHash = RevisionChain.Hash(e),
        PreviousEventHash = e.PreviousEventHash,
        Provenance = e.Provenance,
        TextNotCaptured = e.TextNotCaptured,
        Reader = e.Reader,
    };

    /// <summary>
    /// A reread gives the revision its new text and reader; its earlier reading stays in the events. A
    /// patch, not a load and store: in a rebuild the record may have been created in the same batch.
    /// </summary>
    public void Project(TextReread e, IDocumentOperations operations) =>
        operations.Patch<RevisionRecord>(RevisionRecord.IdOf(e.DocumentNumber, e.Revision))
            .Set(r => r.ContentHash, e.TextHash).Set(r => r.Reader, e.Reader);

    public StatusRecord Create(IEvent<DocumentWithdrawn> e) => Status(e.Id, e.Data.DocumentNumber, e.Data.DossierNumber, true, e.Data.Reason, e.Data.SourceUpdatedAt, e.Data.RecordedAt);

    public StatusRecord Create(IEvent<DocumentRestored> e) => Status(e.Id, e.Data.DocumentNumber, e.Data.DossierNumber, false, e.Data.Reason, e.Data.SourceUpdatedAt, e.Data.RecordedAt);

    static StatusRecord Status(Guid id, string number, string? dossier, bool withdrawn, string? reason, DateTimeOffset at, DateTimeOffset recordedAt) =>
        new() { Id = id, DocumentNumber = number, DossierNumber = dossier, Withdrawn = withdrawn, Reason = reason, SourceUpdatedAt = at, RecordedAt = recordedAt };
}
