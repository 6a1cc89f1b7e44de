using Archive.Content.OpenData;
using Marten;

namespace Archive.Api.Dossiers;

/// <summary>
/// A Kamerstukdossier as the Archive knows it: its own fields as the portal last sent them (when
/// it was synced) and its documents as they stand now. A dossier the sync stored before any of
/// its documents arrived is a dossier all the same, with no documents yet.
/// </summary>
public sealed record DossierView(string Id, string? Addition, string? Title, int? HighestSequenceNumber, bool? Closed,
    DateTimeOffset? SourceUpdatedAt, Guid? SourceId, IReadOnlyList<DossierDocument> Documents, string? Note)
{
    public static async Task<DossierView?> LoadAsync(IQuerySession session, string number, CancellationToken ct)
    {
        var synced = await session.Query<TkDossier>().Where(d => d.Number == number).OrderByDescending(d => d.Updated.Instant).FirstOrDefaultAsync(ct);
        var documents = await DocumentsAsync(session, number, ct);
        var details = await DossierDetails.LoadAsync(session, number, documents, ct);
        if (details is null && synced is null) return null;
        return new DossierView(number, synced?.Addition ?? details?.Addition, synced?.Title ?? details?.Title, synced?.HighestSequenceNumber, synced?.Closed,
            synced?.Updated.Instant, synced?.Id, documents, documents.Count == 0 ? "no documents yet" : null);
    }

    /// <summary>The documents of a dossier as they stand now, by volgnummer: one indexed query over its member rows.</summary>
    static async Task<List<DossierDocument>> DocumentsAsync(IQuerySession session, string number, CancellationToken ct)
    {
        var members = await session.Query<DossierMember>().Where(m => m.DossierNumber == number).ToListAsync(ct);
        var documents = members.Where(m => m.Entry is not null).Select(m => m.Entry!).ToList();
        documents.Sort(DossierDocument.BySequence);
        return documents;
    }
}
