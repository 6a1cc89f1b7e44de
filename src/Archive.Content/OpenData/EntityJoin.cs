using Archive.Content.Documents;

namespace Archive.Content.OpenData;

/// <summary>A document, its current version, its dossier and its cases, joined into what a revision records.</summary>
public sealed record JoinedRevision(DocumentMetadata Metadata, int SourceVersion, SourceTime SourceUpdated, Guid DocumentId, Guid? VersionId);

/// <summary>
/// Joins tkData entities into a revision. The portal publishes them separately and in any order
/// (a version before its document, a dossier after its documents): a document whose current
/// version, dossier or cases have not arrived yet is not a revision yet, and the join says what it
/// is waiting for, so the caller can hold it and try again when those arrive.
/// </summary>
public static class EntityJoin
{
    public static (JoinedRevision? Revision, IReadOnlyList<Guid> WaitingFor) Revision(TkDocument document, Func<Guid, TkEntity?> find)
    {
        var waiting = new List<Guid>();
        T? Find<T>(Guid? id) where T : TkEntity
        {
            if (id is not { } key) return null;
            if (find(key) is T found) return found;
            waiting.Add(key);
            return null;
        }
        var version = Find<TkDocumentVersion>(document.CurrentVersion);
        var dossier = Find<TkDossier>(document.Dossier);
        var cases = document.Cases.Select(c => Find<TkCase>(c)).OfType<TkCase>().ToList();
        if (waiting.Count > 0) return (null, waiting);
        if (string.IsNullOrWhiteSpace(document.Number)) return (null, []);

        var metadata = new DocumentMetadata(
            document.Number, document.Kind, document.Title, document.Subject, document.Date,
            dossier is { Number: { } number } ? new DossierReference(number, dossier.Addition, document.SequenceNumber, dossier.Title) : null,
            cases.Select(c => c.Number).OfType<string>().ToArray()).Normalised();
        var updated = version is not null && version.Updated.Instant > document.Updated.Instant ? version.Updated : document.Updated;
        return (new JoinedRevision(metadata, version?.VersionNumber ?? 0, updated, document.Id, version?.Id), []);
    }

    /// <summary>The documents whose revision an entity can change: itself, or those that refer to it.</summary>
    public static bool Concerns(TkDocument document, TkEntity changed) => changed switch
    {
        TkDocument d => d.Id == document.Id,
        TkDocumentVersion v => v.Id == document.CurrentVersion || v.Document == document.Id,
        TkDossier k => k.Id == document.Dossier,
        TkCase c => document.Cases.Contains(c.Id),
        _ => false,
    };

    /// <summary>
    /// Whether a changed entity can change the revision of a document that refers to it: only the
    /// fields a revision records count (a dossier's number, addition and title; a case's number; a
    /// version's number and time). A document itself always counts; the import decides whether its
    /// revision changed.
    /// </summary>
    public static bool ChangesRevision(TkEntity kept, TkEntity sent) => (kept, sent) switch
    {
        (TkDocument, TkDocument) => true,
        (TkDocumentVersion a, TkDocumentVersion b) => a.VersionNumber != b.VersionNumber || a.Updated != b.Updated || a.Document != b.Document,
        (TkDossier a, TkDossier b) => a.Number != b.Number || a.Addition != b.Addition || a.Title != b.Title,
        (TkCase a, TkCase b) => a.Number != b.Number,
        _ => false,
    };
}
