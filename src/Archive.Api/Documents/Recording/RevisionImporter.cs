using Archive.Api.Originals;
using Marten;
using Wolverine;

namespace Archive.Api.Documents.Recording;

/// <summary>What happened to one imported source (a page or file).</summary>
public sealed record ImportResult(string? Number, ImportOutcome Outcome, int? Revision, bool? Current, string? Source, string? Reason)
{
    public static ImportResult Rejected(string? source, string reason, string? number = null) =>
        new(number, ImportOutcome.Rejected, null, null, source, reason);
}

/// <summary>
/// Records revisions: one document, one transaction, holding its events and its text, through
/// <see cref="ImportRevisionHandler"/>. A batch import calls this per document, so a bad file never
/// takes good ones down with it. The sync, which commits a page of documents with its checkpoint,
/// stages them with <see cref="StageAsync"/> on the same decision.
/// </summary>
public static class RevisionImporter
{
    public static async Task<ImportResult> ImportAsync(this IMessageBus bus, ImportRevision command, string? source, CancellationToken ct)
    {
        var decision = await bus.InvokeAsync<ImportDecision>(command, ct);
        return new ImportResult(command.Number, decision.Outcome, decision.Revision, decision.Current, source, null);
    }

    /// <summary>
    /// Decides and appends the revision, and stores its text unless the Archive has it, without
    /// committing: the caller's transaction takes it with whatever else belongs with it (a sync
    /// page and its checkpoint). The aggregate is brought up to date with what was appended.
    /// </summary>
    public static async Task<(ImportDecision Decision, Document? State)> StageAsync(IDocumentSession session, OriginalStores originals,
        JasperFx.Events.IEventStream<Document> stream, ImportRevision command, DateTimeOffset now, CancellationToken ct)
    {
        var decision = ImportRevisionDecision.Decide(stream.Aggregate, command, now);
        if (decision.Events.Count == 0) return (decision, stream.Aggregate);
        stream.AppendMany(decision.Events);
        var document = stream.Aggregate?.Copy() ?? new Document();
        foreach (var e in decision.Events) document.Apply(e);
        if (!await DocumentText.IsKeptAsync(session, command.ContentHash, ct)) DocumentText.Store(session, command.ContentHash, command.Text);
        await KeepOriginalAsync(session, originals, command, ct);
        return (decision, document);
    }

    /// <summary>The original the revision's provenance names, kept with it unless the Archive has it (DESIGN decision 14).</summary>
    public static async Task KeepOriginalAsync(IDocumentSession session, OriginalStores originals, ImportRevision command, CancellationToken ct)
    {
        if (originals.Keeping && command is { Original: { } bytes, Provenance.SourceSha256: { } sha256 })
            await OriginalFiles.KeepAsync(session, originals.Writer, sha256, bytes, ct);
    }
}
