using Archive.Api.Infrastructure;
using Wolverine;
using Wolverine.Marten;

namespace Archive.Api.Documents.Withdrawing;

/// <summary>Withdraw a document (the source deleted it) or restore it.</summary>
public sealed record ChangeStatus([property: JasperFx.Identity] string Number, bool Withdraw, DateTimeOffset SourceUpdatedAt, string? Reason, Provenance Provenance);

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

/// <summary>
/// Withdraws or restores through Wolverine's aggregate handler workflow, as <c>ImportRevisionHandler</c>
/// records revisions: the write model loaded for writing, the pure decision, the events appended by
/// Wolverine; a concurrent append is retried by the same error policy. The outcome is the answer to
/// <c>InvokeAsync&lt;StatusOutcome&gt;</c>.
/// </summary>
public static class ChangeStatusHandler
{
    public static (Events, OutgoingMessages) Handle(ChangeStatus command, [WriteAggregate(Required = false)] Document? document, TimeProvider clock)
    {
        var (outcome, events) = ChangeStatusDecision.Decide(document, command, clock.Now());
        return (new Events(events), new OutgoingMessages { outcome });
    }
}
