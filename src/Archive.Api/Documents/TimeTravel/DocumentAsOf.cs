using Archive.Content.Documents;

namespace Archive.Api.Documents.TimeTravel;

/// <summary>A document as it stood at <see cref="AsOf"/> on one clock, and why this revision.</summary>
public sealed record DocumentAsOf(
    string Number, DateTimeOffset AsOf, Axis Axis, int Revision, int SourceVersion,
    DateTimeOffset SourceUpdatedAt, string SourceUpdatedRaw, DateTimeOffset RecordedAt,
    DocumentMetadata Metadata, string MetadataHash, string ContentHash, string EventHash, string Why,
    IReadOnlyDictionary<string, string> Links)
{
    public static DocumentAsOf Of(RevisionRecord r, DateTimeOffset at, Axis axis) => new(
        r.DocumentNumber, at, axis, r.Revision, r.SourceVersion, r.SourceUpdatedAt, r.SourceUpdatedRaw, r.RecordedAt,
        r.Metadata, r.MetadataHash, r.ContentHash, r.EventHash, Explain(r, at, axis),
        new Dictionary<string, string>
        {
            ["revision"] = $"/api/documents/{r.DocumentNumber}/revisions/{r.Revision}",
            ["current"] = $"/api/documents/{r.DocumentNumber}",
            ["timemap"] = $"/timemap/link/{r.DocumentNumber}",
        });

    static string Explain(RevisionRecord r, DateTimeOffset at, Axis axis) => axis == Axis.Source
        ? $"Revision {r.Revision} has the latest source time at or before {at:yyyy-MM-ddTHH:mm:ssZ}: bijgewerkt {r.SourceUpdatedRaw} ({r.SourceUpdatedAt:yyyy-MM-ddTHH:mm:ssZ}). The Archive recorded it at {r.RecordedAt:yyyy-MM-ddTHH:mm:ssZ}."
        : $"Revision {r.Revision} is what the Archive answered at {at:yyyy-MM-ddTHH:mm:ssZ}: of the revisions recorded by then (this one at {r.RecordedAt:yyyy-MM-ddTHH:mm:ssZ}), it has the latest source time, bijgewerkt {r.SourceUpdatedRaw} ({r.SourceUpdatedAt:yyyy-MM-ddTHH:mm:ssZ}).";
}
