using Archive.Api.Documents;
using Archive.Content.Documents;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace Archive.Api.Dossiers;

/// <summary>
/// A Kamerstukdossier's own fields as its documents name them. Its documents are rows of their own
/// (<see cref="DossierMember"/>): an import rewrites one small row here and one there, whatever the
/// size of the dossier.
/// </summary>
public sealed class DossierDetails
{
    public string Id { get; set; } = "";
    public string? Addition { get; set; }
    public string? Title { get; set; }
}

/// <summary>A document and the dossier its current revision names (none: <see cref="DossierNumber"/> is null), as it stands now.</summary>
public sealed class DossierMember
{
    /// <summary>The document's number.</summary>
    public string Id { get; set; } = "";
    public string? DossierNumber { get; set; }
    public DossierDocument? Entry { get; set; }
}

public sealed record DossierDocument(
    string Number, int? SequenceNumber, string? Kind, string? Title, string? Subject, DateOnly? Date,
    int Revision, int SourceVersion, DateTimeOffset SourceUpdatedAt, DateTimeOffset RecordedAt, bool Withdrawn);

/// <summary>The dossier's title and toevoeging, from the documents that name it.</summary>
public sealed class DossierDetailsProjection : MultiStreamProjection<DossierDetails, string>
{
    public DossierDetailsProjection() => Identities<RevisionImported>(e => e.Metadata.Dossier is { } d ? [d.Number] : []);

    public void Apply(RevisionImported e, DossierDetails view)
    {
        view.Id = e.Metadata.Dossier!.Number;
        (view.Addition, view.Title) = (e.Metadata.Dossier.Addition, e.Metadata.Dossier.Title ?? view.Title);
    }

    public static DossierDocument Entry(DocumentMetadata m, int revision, int version, DateTimeOffset at, DateTimeOffset recordedAt, bool withdrawn) =>
        new(m.Number, m.Dossier?.SequenceNumber, m.Kind, m.Title, m.Subject, m.Date, revision, version, at, recordedAt, withdrawn);

    public static int BySequence(DossierDocument a, DossierDocument b) =>
        (a.SequenceNumber ?? int.MaxValue).CompareTo(b.SequenceNumber ?? int.MaxValue) is var c and not 0 ? c : string.CompareOrdinal(a.Number, b.Number);
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
        member.Entry = DossierDetailsProjection.Entry(e.Metadata, e.Revision, e.SourceVersion, e.SourceUpdatedAt, e.RecordedAt, member.Entry?.Withdrawn ?? false);
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
        opts.Projections.Add<DossierDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<DossierMemberProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<DossierMember>().Duplicate(m => m.DossierNumber);
    }
}
