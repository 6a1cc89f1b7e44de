using Archive.Api.Documents;
using Archive.Api.Documents.TimeTravel;
using Archive.Content.Documents;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;

namespace Archive.Api.Dossiers;

/// <summary>
/// A Kamerstukdossier's own fields (toevoeging and title) as its documents name them: read from the
/// revision records of its newest documents when asked. There is no row per dossier: one was
/// rewritten by every import into the dossier and locked until that import committed, so imports
/// into one dossier queued behind each other (at 100 imports a second into one dossier, its upsert
/// averaged 1.3 s, nearly all of it waiting for the lock).
/// </summary>
public sealed record DossierDetails(string Id, string? Addition, string? Title)
{
    /// <summary>
    /// From the newest of the dossier's current documents (the addition of the newest, the newest
    /// title given among the five newest); when it has none now, from any revision that named it.
    /// Null when no revision ever named it.
    /// </summary>
    public static async Task<DossierDetails?> LoadAsync(IQuerySession session, string number, IEnumerable<DossierDocument> documents, CancellationToken ct)
    {
        var newest = documents.OrderByDescending(d => d.RecordedAt).Take(5).Select(d => RevisionRecord.IdOf(d.Number, d.Revision)).ToArray();
        var records = newest.Length > 0
            ? (await session.LoadManyAsync<RevisionRecord>(ct, newest)).OrderByDescending(r => r.RecordedAt).ToList()
            : await session.Query<RevisionRecord>().Where(r => r.DossierNumber == number).Take(5).ToListAsync(ct);
        return records.Count == 0 ? null
            : new DossierDetails(number, records[0].Metadata.Dossier?.Addition, records.Select(r => r.Metadata.Dossier?.Title).FirstOrDefault(t => t is not null));
    }
}

public sealed record DossierDocument(
    string Number, int? SequenceNumber, string? Kind, string? Title, string? Subject, DateOnly? Date,
    int Revision, int SourceVersion, DateTimeOffset SourceUpdatedAt, DateTimeOffset RecordedAt, bool Withdrawn)
{
    public static DossierDocument Of(DocumentMetadata m, int revision, int version, DateTimeOffset at, DateTimeOffset recordedAt, bool withdrawn) =>
        new(m.Number, m.Dossier?.SequenceNumber, m.Kind, m.Title, m.Subject, m.Date, revision, version, at, recordedAt, withdrawn);

    public static int BySequence(DossierDocument a, DossierDocument b) =>
        (a.SequenceNumber ?? int.MaxValue).CompareTo(b.SequenceNumber ?? int.MaxValue) is var c and not 0 ? c : string.CompareOrdinal(a.Number, b.Number);
}

/// <summary>A document and the dossier its current revision names (none: <see cref="DossierNumber"/> is null), as it stands now.</summary>
public sealed class DossierMember
{
    /// <summary>The document's number.</summary>
    public string Id { get; set; } = "";
    public string? DossierNumber { get; set; }
    public DossierDocument? Entry { get; set; }
}

/// <summary>A document joins a dossier through the dossier its current revision names, and leaves it when a newer revision names another.</summary>
public sealed class DossierMemberProjection : SingleStreamProjection<DossierMember, string>
{
    public void Apply(RevisionImported e, DossierMember member)
    {
        member.Id = e.DocumentNumber;
        if (member.Entry is { } current && !RevisionKey.Supersedes(e.SourceUpdatedAt, e.SourceVersion, current.SourceUpdatedAt, current.SourceVersion))
            return;
        member.DossierNumber = e.Metadata.Dossier?.Number;
        member.Entry = DossierDocument.Of(e.Metadata, e.Revision, e.SourceVersion, e.SourceUpdatedAt, e.RecordedAt, member.Entry?.Withdrawn ?? false);
    }

    public void Apply(DocumentWithdrawn e, DossierMember member) => SetWithdrawn(member, true);

    public void Apply(DocumentRestored e, DossierMember member) => SetWithdrawn(member, false);

    static void SetWithdrawn(DossierMember member, bool withdrawn)
    {
        if (member.Entry is { } entry) member.Entry = entry with { Withdrawn = withdrawn };
    }
}

public static class Configuration
{
    /// <summary>Inline, like the documents' own read models: the answer to an import and the next read of its dossier agree.</summary>
    public static void ConfigureDossiers(this StoreOptions opts)
    {
        opts.Projections.Add<DossierMemberProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<DossierMember>().Duplicate(m => m.DossierNumber);
    }
}
