using Archive.Api.Infrastructure;
using Marten;

namespace Archive.Api.Documents.Withdrawing;

/// <summary>Withdraw a document (the source deleted it) or restore it.</summary>
public sealed record ChangeStatus(string Number, bool Withdraw, DateTimeOffset SourceUpdatedAt, string? Reason, Provenance Provenance);

/// <param name="Superseded">The document has a status change with a later source time: this one would not change what it is now.</param>
public enum StatusOutcome { Unknown, Unchanged, Withdrawn, Restored, Superseded }

public static class ChangeStatusDecision
{
    /// <summary>
    /// Nothing happens to an unknown document, to one already in the state asked for, or when the
    /// source time is older than the status it has now (the later status stands, so saying
    /// "restored" would be untrue).
    /// </summary>
    public static (StatusOutcome Outcome, object[] Events) Decide(Document? document, ChangeStatus command, DateTimeOffset now)
    {
        if (document is null) return (StatusOutcome.Unknown, []);
        if (document.Withdrawn == command.Withdraw) return (StatusOutcome.Unchanged, []);
        if (command.SourceUpdatedAt < document.StatusSourceAt) return (StatusOutcome.Superseded, []);
        object e = command.Withdraw
            ? new DocumentWithdrawn(command.Number, document.DossierNumber, command.Reason, document.LastEventHash, command.Provenance, command.SourceUpdatedAt, now)
            : new DocumentRestored(command.Number, document.DossierNumber, command.Reason, document.LastEventHash, command.Provenance, command.SourceUpdatedAt, now);
        return (command.Withdraw ? StatusOutcome.Withdrawn : StatusOutcome.Restored, [e]);
    }
}

/// <summary>Runs <see cref="ChangeStatusDecision"/> against the event store; the importers and the HTTP endpoints share it.</summary>
public sealed class StatusChanger(IDocumentStore store, TimeProvider clock)
{
    public async Task<StatusOutcome> ChangeAsync(ChangeStatus command, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Document>(command.Number, ct);
        var (outcome, events) = ChangeStatusDecision.Decide(stream.Aggregate, command, clock.Now());
        if (events.Length == 0) return outcome;
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        return outcome;
    }
}
