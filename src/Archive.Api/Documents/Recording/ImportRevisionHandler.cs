using Archive.Api.Infrastructure;
using Archive.Api.Originals;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace Archive.Api.Documents.Recording;

/// <summary>
/// Records a revision the Critter Stack's way: Wolverine loads the document's write model for
/// writing (optimistic: a concurrent append makes the commit fail, and the error policy in
/// <see cref="Configuration"/> runs the handler again on the newer state), the pure
/// <see cref="ImportRevisionDecision"/> decides, and Wolverine appends the events and stores the
/// text and the original in one transaction. The decision is the answer to <c>InvokeAsync&lt;ImportDecision&gt;</c>.
/// </summary>
public static class ImportRevisionHandler
{
    public static async Task<(Events, IMartenOp, OutgoingMessages)> Handle(ImportRevision command, [WriteAggregate(Required = false)] Document? document,
        IDocumentSession session, OriginalStores originals, TimeProvider clock, CancellationToken ct)
    {
        var decision = ImportRevisionDecision.Decide(document, command, clock.Now());
        var text = decision.Events.Count > 0 ? await DocumentText.UnlessKeptAsync(session, command.ContentHash, command.Text, ct) : MartenOps.Nothing();
        if (decision.Events.Count > 0) await RevisionImporter.KeepOriginalAsync(session, originals, command, ct);
        return (new Events(decision.Events), text, new OutgoingMessages { decision });
    }
}
