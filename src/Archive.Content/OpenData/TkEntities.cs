namespace Archive.Content.OpenData;

/// <summary>A timestamp as the portal wrote it, and the instant it means.</summary>
public sealed record SourceTime(DateTimeOffset Instant, string Raw);

/// <summary>An entity of the tkData model (http://www.tweedekamer.nl/xsd/tkData/v1-0) as one SyncFeed entry carries it.</summary>
public abstract record TkEntity(Guid Id, SourceTime Updated, bool Deleted);

/// <summary>A deleted entity: only its id, bijgewerkt and tk:verwijderd="true" remain.</summary>
public sealed record TkTombstone(Guid Id, SourceTime Updated, string Kind) : TkEntity(Id, Updated, true);

public sealed record TkDocument(
    Guid Id, SourceTime Updated, string? Number, string? Kind, string? Title, string? Subject, DateOnly? Date, int? SequenceNumber,
    Guid? CurrentVersion, Guid? Dossier, IReadOnlyList<Guid> Cases, string? ContentType, long? ContentLength)
    : TkEntity(Id, Updated, false);

public sealed record TkDocumentVersion(
    Guid Id, SourceTime Updated, Guid? Document, int? VersionNumber, string? Status, long? FileSize, string? Extension, SourceTime? Date)
    : TkEntity(Id, Updated, false);

public sealed record TkDossier(Guid Id, SourceTime Updated, string? Number, string? Addition, string? Title, int? HighestSequenceNumber, bool? Closed = null)
    : TkEntity(Id, Updated, false);

public sealed record TkCase(Guid Id, SourceTime Updated, string? Number, string? Kind, string? Subject, string? Title, Guid? Dossier)
    : TkEntity(Id, Updated, false);

/// <summary>A person or party named on a document (indiener, ondertekenaar …).</summary>
public sealed record TkDocumentActor(
    Guid Id, SourceTime Updated, Guid? Document, string? Name, string? Party, string? Function, string? Relation, Guid? Person, Guid? Fraction)
    : TkEntity(Id, Updated, false);

/// <summary>One entry of a SyncFeed page: the Atom envelope and the entity it carries.</summary>
/// <param name="Next">The entry's own rel="next" link: where to resume after this entry (the skiptoken).</param>
/// <param name="Entity">Null for a kind of entity the Archive does not read.</param>
public sealed record SyncFeedEntry(Guid Id, string Category, SourceTime Updated, string? Next, string? Enclosure, TkEntity? Entity);

/// <param name="Entry">1-based position of the entry on the page.</param>
public sealed record SyncFeedProblem(int Entry, string? Id, string What);

public sealed record SyncFeedPage(IReadOnlyList<SyncFeedEntry> Entries, IReadOnlyList<SyncFeedProblem> Problems)
{
    /// <summary>A page without entries ends a sync.</summary>
    public bool IsEmpty => Entries.Count == 0 && Problems.Count == 0;
}
