using Archive.Api.Documents;
using Archive.Content.Documents;
using Marten.Events.Projections;

namespace Archive.Api.Dossiers;

/// <summary>A Kamerstukdossier and its documents as they stand now, by volgnummer.</summary>
public sealed class DossierDetails
{
    public string Id { get; set; } = "";
    public string? Addition { get; set; }
    public string? Title { get; set; }
    public List<DossierDocument> Documents { get; set; } = [];
}

public sealed record DossierDocument(
    string Number, int? SequenceNumber, string? Kind, string? Title, string? Subject, DateOnly? Date,
    int Revision, int SourceVersion, DateTimeOffset SourceUpdatedAt, DateTimeOffset RecordedAt, bool Withdrawn);

/// <summary>Documents join a dossier through the dossier their current revision names.</summary>
public sealed partial class DossierDetailsProjection : MultiStreamProjection<DossierDetails, string>
{
    public DossierDetailsProjection()
    {
        Identities<RevisionImported>(e => e.Metadata.Dossier is { } d ? [d.Number] : []);
        Identities<DocumentWithdrawn>(e => e.DossierNumber is { } d ? [d] : []);
        Identities<DocumentRestored>(e => e.DossierNumber is { } d ? [d] : []);
    }

    public void Apply(RevisionImported e, DossierDetails view)
    {
        view.Id = e.Metadata.Dossier!.Number;
        var existing = view.Documents.FindIndex(d => d.Number == e.DocumentNumber);
        if (existing >= 0 && !RevisionKey.Supersedes(e.SourceUpdatedAt, e.SourceVersion, view.Documents[existing].SourceUpdatedAt, view.Documents[existing].SourceVersion))
            return;
        var withdrawn = existing >= 0 && view.Documents[existing].Withdrawn;
        if (existing >= 0) view.Documents.RemoveAt(existing);
        view.Documents.Add(Entry(e.Metadata, e.Revision, e.SourceVersion, e.SourceUpdatedAt, e.RecordedAt, withdrawn));
        view.Documents.Sort(BySequence);
        (view.Addition, view.Title) = (e.Metadata.Dossier.Addition, e.Metadata.Dossier.Title ?? view.Title);
    }

    public void Apply(DocumentWithdrawn e, DossierDetails view) => SetWithdrawn(view, e.DocumentNumber, true);

    public void Apply(DocumentRestored e, DossierDetails view) => SetWithdrawn(view, e.DocumentNumber, false);

    static void SetWithdrawn(DossierDetails view, string number, bool withdrawn)
    {
        var index = view.Documents.FindIndex(d => d.Number == number);
        if (index >= 0) view.Documents[index] = view.Documents[index] with { Withdrawn = withdrawn };
    }

    public static DossierDocument Entry(DocumentMetadata m, int revision, int version, DateTimeOffset at, DateTimeOffset recordedAt, bool withdrawn) =>
        new(m.Number, m.Dossier?.SequenceNumber, m.Kind, m.Title, m.Subject, m.Date, revision, version, at, recordedAt, withdrawn);

    public static int BySequence(DossierDocument a, DossierDocument b) =>
        (a.SequenceNumber ?? int.MaxValue).CompareTo(b.SequenceNumber ?? int.MaxValue) is var c and not 0 ? c : string.CompareOrdinal(a.Number, b.Number);
}
