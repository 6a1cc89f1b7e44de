using Archive.Api.Infrastructure;
using Marten;
using Polly;
using Polly.Retry;

namespace Archive.Api.Documents.Recording;

/// <summary>What happened to one imported source (a page or file).</summary>
public sealed record ImportResult(string? Number, ImportOutcome Outcome, int? Revision, bool? Current, string? Source, string? Reason)
{
    public static ImportResult Rejected(string? source, string reason, string? number = null) =>
        new(number, ImportOutcome.Rejected, null, null, source, reason);
}

/// <summary>
/// Runs <see cref="ImportRevisionDecision"/> against the event store: one document, one
/// transaction, holding its events and its text. A batch import calls this per document, so a bad
/// file never takes good ones down with it. The HTTP endpoint and the CLI share it.
/// </summary>
public sealed class RevisionImporter(IDocumentStore store, TimeProvider clock)
{
    // Two imports of the same document at once: the loser's append fails its version check and is decided again.
    static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<JasperFx.ConcurrencyException>().Handle<Marten.Exceptions.ExistingStreamIdCollisionException>(),
            MaxRetryAttempts = 5,
            Delay = TimeSpan.FromMilliseconds(20),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    public async Task<ImportResult> ImportAsync(ImportRevision command, string? source, CancellationToken ct) =>
        await Retry.ExecuteAsync(async token =>
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<Document>(command.Number, token);
            var (decision, _) = await StageAsync(session, stream, command, clock.Now(), token);
            if (decision.Events.Count > 0) await session.SaveChangesAsync(token);
            return new ImportResult(command.Number, decision.Outcome, decision.Revision, decision.Current, source, null);
        }, ct);

    /// <summary>
    /// Decides and appends the revision, and stores its text unless the Archive has it, without
    /// committing: the caller's transaction takes it with whatever else belongs with it (a sync
    /// page and its checkpoint). The aggregate is brought up to date with what was appended.
    /// </summary>
    public static async Task<(ImportDecision Decision, Document? State)> StageAsync(IDocumentSession session, JasperFx.Events.IEventStream<Document> stream,
        ImportRevision command, DateTimeOffset now, CancellationToken ct)
    {
        var decision = ImportRevisionDecision.Decide(stream.Aggregate, command, now);
        if (decision.Events.Count == 0) return (decision, stream.Aggregate);
        stream.AppendMany(decision.Events);
        var document = stream.Aggregate?.Copy() ?? new Document();
        foreach (var e in decision.Events) document.Apply(e);
        // Whether the text is there, without reading it back (texts are large, and most revisions share one).
        if (!await session.Query<DocumentText>().AnyAsync(t => t.Id == command.ContentHash, ct))
            session.Store(new DocumentText(command.ContentHash, command.Text));
        return (decision, document);
    }
}
