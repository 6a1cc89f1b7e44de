using Archive.Api.Infrastructure;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace Archive.Api.Documents.Recording;

/// <summary>The text a revision names, when the Archive does not have it yet (null when it does).</summary>
public sealed record TextToStore(DocumentText? Text);

/// <summary>
/// Records a revision the Critter Stack's way: Wolverine loads the document's write model for
/// writing (optimistic: a concurrent append makes the commit fail, and the error policy in
/// <see cref="Configuration"/> runs the handler again on the newer state), the pure
/// <see cref="ImportRevisionDecision"/> decides, and Wolverine appends the events and stores the
/// text in one transaction. The decision is the answer to <c>InvokeAsync&lt;ImportDecision&gt;</c>.
/// </summary>
public static class ImportRevisionHandler
{
    /// <summary>Whether the text is there, without reading it back (texts are large, and most revisions share one).</summary>
    public static async Task<TextToStore> LoadAsync(ImportRevision command, IQuerySession session, CancellationToken ct) =>
        new(await session.Query<DocumentText>().AnyAsync(t => t.Id == command.ContentHash, ct) ? null : new DocumentText(command.ContentHash, command.Text));

    public static (Events, IMartenOp, OutgoingMessages) Handle(ImportRevision command, [WriteAggregate(Required = false)] Document? document,
        TextToStore text, TimeProvider clock)
    {
        var decision = ImportRevisionDecision.Decide(document, command, clock.Now());
        IMartenOp store = decision.Events.Count > 0 && text.Text is { } newText ? MartenOps.Store(newText) : MartenOps.Nothing();
        return (new Events(decision.Events), store, new OutgoingMessages { decision });
    }
}
