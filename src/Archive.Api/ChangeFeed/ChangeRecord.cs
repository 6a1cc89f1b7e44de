using Archive.Api.Documents;
using Archive.Api.Documents.GettingHistory;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Archive.Api.ChangeFeed;

/// <summary>
/// One change as integrators see it, keyed by the event's global sequence. Written by an async
/// projection, so only up to the daemon's high-water mark: no earlier transaction can still
/// commit below it, and a reader never finds a gap filled in behind its back.
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

public sealed partial class ChangeFeedProjection : EventProjection
{
    public const string TypePrefix = "nl.tweedekamer.archive.document.";

    public async Task Project(IEvent<RevisionImported> e, IDocumentOperations ops, CancellationToken ct)
    {
        var r = e.Data;
        var entry = (await ops.LoadAsync<DocumentHistory>(r.DocumentNumber, ct))?.Revisions.FirstOrDefault(x => x.Revision == r.Revision);
        var links = Links(r.DocumentNumber, r.Revision);
        ops.Store(Record(e.Sequence, r.Revision == 1 ? "created" : "revised", r.DocumentNumber, r.RecordedAt, r.Metadata.Dossier?.Number, r.Metadata.Kind,
            new ChangeData(r.DocumentNumber, r.Revision, r.SourceVersion, r.SourceUpdatedAt, r.RecordedAt, r.Metadata.Dossier?.Number,
                r.Metadata.Dossier?.SequenceNumber, r.Metadata.Kind, r.Metadata.Title, entry?.ChangedFields ?? [], entry?.TextChanged, false, links)));
    }

    public void Project(IEvent<DocumentWithdrawn> e, IDocumentOperations ops) =>
        ops.Store(Status(e.Sequence, "withdrawn", e.Data.DocumentNumber, e.Data.DossierNumber, e.Data.SourceUpdatedAt, e.Data.RecordedAt, true));

    public void Project(IEvent<DocumentRestored> e, IDocumentOperations ops) =>
        ops.Store(Status(e.Sequence, "restored", e.Data.DocumentNumber, e.Data.DossierNumber, e.Data.SourceUpdatedAt, e.Data.RecordedAt, false));

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
