using Archive.Api.Documents;
using Archive.Api.Documents.GettingHistory;
using JasperFx.Events;

namespace Archive.Api.ChangeFeed;

/// <summary>
/// One change as integrators see it, keyed by the event's global sequence. Written by the
/// <see cref="ChangeFanOut"/> subscription, so only up to the daemon's high-water mark: no earlier
/// transaction can still commit below it, and a reader never finds a gap filled in behind its back.
/// </summary>
public sealed class ChangeRecord
{
    public long Id { get; set; }
    public string Type { get; set; } = "";
    public string Subject { get; set; } = "";
    public DateTimeOffset Time { get; set; }
    public string? Dossier { get; set; }
    public string? Kind { get; set; }
    public ChangeData Data { get; set; } = null!;
}

/// <summary>The data of a change event: version 1 of the public contract (see README, "Change feed").</summary>
public sealed record ChangeData(
    string Number, int? Revision, int? SourceVersion, DateTimeOffset SourceUpdatedAt, DateTimeOffset RecordedAt,
    string? Dossier, int? Volgnummer, string? Kind, string? Title, IReadOnlyList<string> ChangedFields, bool? TextChanged, bool Withdrawn,
    IReadOnlyDictionary<string, string> Links);

/// <summary>
/// The change an event of the store is to integrators, from the event alone. Revisions recorded
/// before they carried their changed fields take them from the document's history, looked up by
/// the caller once per page (<see cref="NeedsHistory"/>).
/// </summary>
public static class ChangeRecords
{
    public const string TypePrefix = "nl.tweedekamer.archive.document.";

    /// <summary>The type of a reread (<see cref="TextReread"/>): a newer reading of a revision's original, not a new version.</summary>
    public const string RereadType = TypePrefix + "reread.v1";

    /// <summary>A revision whose event does not say what it changed (recorded before events did).</summary>
    public static bool NeedsHistory(IEvent e) => e.Data is RevisionImported { Revision: > 1, ChangedFields: null };

    public static ChangeRecord? From(IEvent e, DocumentHistory? history = null) => e.Data switch
    {
        RevisionImported r => Revision(e.Sequence, r, history?.Revisions.FirstOrDefault(x => x.Revision == r.Revision)),
        DocumentWithdrawn w => Status(e.Sequence, "withdrawn", w.DocumentNumber, w.DossierNumber, w.SourceUpdatedAt, w.RecordedAt, true),
        DocumentRestored r => Status(e.Sequence, "restored", r.DocumentNumber, r.DossierNumber, r.SourceUpdatedAt, r.RecordedAt, false),
        TextReread t => Reread(e.Sequence, t),
        _ => null,
    };

    /// <summary>A revision's text read again: its own type, so that integrators re-index it and nothing takes it for a new version.</summary>
    static ChangeRecord Reread(long sequence, TextReread t) =>
        Record(sequence, "reread", t.DocumentNumber, t.RecordedAt, null, null,
            new ChangeData(t.DocumentNumber, t.Revision, null, t.RevisionSourceUpdatedAt, t.RecordedAt, null, null, null, null, [], true, false,
                Links(t.DocumentNumber, t.Revision)));

    static ChangeRecord Revision(long sequence, RevisionImported r, RevisionEntry? entry) =>
        Record(sequence, r.Revision == 1 ? "created" : "revised", r.DocumentNumber, r.RecordedAt, r.Metadata.Dossier?.Number, r.Metadata.Kind,
            new ChangeData(r.DocumentNumber, r.Revision, r.SourceVersion, r.SourceUpdatedAt, r.RecordedAt, r.Metadata.Dossier?.Number,
                r.Metadata.Dossier?.SequenceNumber, r.Metadata.Kind, r.Metadata.Title,
                r.ChangedFields ?? entry?.ChangedFields ?? [], r.ChangedFields is null ? entry?.TextChanged ?? (r.Revision == 1 ? false : null) : r.TextChanged,
                false, Links(r.DocumentNumber, r.Revision)));
    static ChangeRecord Status(long sequence, string what, string number, string? dossier, DateTimeOffset at, DateTimeOffset recordedAt, bool withdrawn) =>
        Record(sequence, what, number, recordedAt, dossier, null,
            new ChangeData(number, null, null, at, recordedAt, dossier, null, null, null, [], null, withdrawn, Links(number, null)));

    static ChangeRecord Record(long sequence, string what, string number, DateTimeOffset time, string? dossier, string? kind, ChangeData data) =>
        new() { Id = sequence, Type = $"{TypePrefix}{what}.v1", Subject = number, Time = time, Dossier = dossier, Kind = kind, Data = data };

    static Dictionary<string, string> Links(string number, int? revision)
    {
        var links = new Dictionary<string, string> { ["document"] = $"/api/documents/{number}", ["revisions"] = $"/api/documents/{number}/revisions" };
        if (revision is { } n)
        {
            links["revision"] = $"/api/documents/{number}/revisions/{n}";
            if (n > 1) links["diff"] = $"/api/documents/{number}/diff?from={n - 1}&to={n}";
        }
        return links;
    }
}
