using Archive.Api.Documents.GettingDetails;
using Archive.Api.Documents.GettingHistory;
using Archive.Api.Documents.Recording;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Wolverine;
using Wolverine.ErrorHandling;

namespace Archive.Api.Documents;

public static class Configuration
{
    public static void ConfigureDocuments(this StoreOptions opts)
    {
        // One stream per source document, keyed by its number: humans, URLs and logs all say 2026D04632.
        opts.Events.StreamIdentity = StreamIdentity.AsString;
        opts.Events.AddEventType<RevisionImported>();
        opts.Events.AddEventType<DocumentWithdrawn>();
        opts.Events.AddEventType<DocumentRestored>();
        opts.Events.AddEventType<TextReread>();

        // The write model is kept as a snapshot in the same transaction, so that deciding on an
        // import reads one row instead of replaying a long stream.
        opts.Projections.Snapshot<Document>(SnapshotLifecycle.Inline);

        // Inline: the answer to an import and the next read must agree, and a document's
        // projections are written in the same transaction as its events.
        opts.Projections.Add<DocumentDetailsProjection>(ProjectionLifecycle.Inline);
        // The documents in the order of their current revision's source time, for whoever walks the
        // archive as it stands now, newest first (the search does), without its older revisions.
        opts.Schema.For<DocumentDetails>().Duplicate(x => x.SourceUpdatedAt);
        opts.Projections.Add<StatusHistoryProjection>(ProjectionLifecycle.Inline);

        opts.ConfigureTexts();

        // Time travel: one row per revision and per status change, with the clocks in real
        // columns so that "the revision at T" is an index lookup (DESIGN decision 3).
        opts.Projections.Add<TimeTravel.TimeTravelProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<TimeTravel.RevisionRecord>()
            .Duplicate(x => x.DocumentNumber).Duplicate(x => x.SourceUpdatedAt).Duplicate(x => x.RecordedAt).Duplicate(x => x.DossierNumber)
            .Index(x => new { x.DocumentNumber, x.SourceUpdatedAt })
            .Index(x => new { x.DocumentNumber, x.RecordedAt });
        opts.Schema.For<TimeTravel.StatusRecord>()
            .Duplicate(x => x.DocumentNumber).Duplicate(x => x.SourceUpdatedAt).Duplicate(x => x.RecordedAt).Duplicate(x => x.DossierNumber);
    }

    /// <summary>
    /// Two writers of one document at once: the loser's commit fails its version check (or, for a
    /// new document, the stream's key), and Wolverine runs its handler again on the state the winner
    /// left, a little later each time, where the decision usually finds the revision "unchanged".
    /// </summary>
    public static void RetryConflictingWrites(this WolverineOptions opts) =>
        opts.OnException<JasperFx.ConcurrencyException>().Or<Marten.Exceptions.ExistingStreamIdCollisionException>()
            .RetryWithCooldown(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(80),
                TimeSpan.FromMilliseconds(160), TimeSpan.FromMilliseconds(320));

    /// <summary>
    /// Wolverine logs every failed attempt of an invoked handler as an error, the retried conflicts
    /// above too. The caller gets what finally failed and reports it (a rejected file, one CLI line),
    /// so these attempts are not logged a second time.
    /// </summary>
    public static void QuietRetriedWrites(this ILoggingBuilder logging) =>
        logging.AddFilter(typeof(ImportRevision).FullName, LogLevel.None).AddFilter(typeof(ImportRevisions).FullName, LogLevel.None)
            .AddFilter(typeof(Withdrawing.ChangeStatus).FullName, LogLevel.None);
}
