using Archive.Api.Documents.GettingDetails;
using Archive.Api.Documents.GettingHistory;
using Archive.Api.Documents.Recording;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;

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

        // The write model is kept as a snapshot in the same transaction, so that deciding on an
        // import reads one row instead of replaying a long stream.
        opts.Projections.Snapshot<Document>(SnapshotLifecycle.Inline);

        // Inline: the answer to an import and the next read must agree, and a document's
        // projections are written in the same transaction as its events.
        opts.Projections.Add<DocumentDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<DocumentHistoryProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<Dossiers.DossierDetailsProjection>(ProjectionLifecycle.Inline);

        opts.Schema.For<DocumentText>();

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

    public static IServiceCollection AddDocuments(this IServiceCollection services) =>
        services.AddSingleton<RevisionImporter>().AddSingleton<Withdrawing.StatusChanger>();
}
