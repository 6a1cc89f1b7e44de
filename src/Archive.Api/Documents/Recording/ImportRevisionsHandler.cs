using Archive.Api.Infrastructure;
using Archive.Api.Originals;
using Marten;
using Wolverine;

namespace Archive.Api.Documents.Recording;

/// <summary>Revisions of different documents, recorded in one transaction: a folder import's way to write at the speed of the disk rather than of round trips.</summary>
public sealed record ImportRevisions(IReadOnlyList<ImportRevision> Commands)
{
    /// <summary>What logs and errors show: how many, never the texts.</summary>
    public override string ToString() => $"ImportRevisions ({Commands.Count} documents)";
}

/// <param name="Decisions">One per command, in order.</param>
public sealed record ImportRevisionsDecision(IReadOnlyList<ImportDecision> Decisions);

/// <summary>
/// Each document's write model is fetched for writing and the same pure decision as
/// <see cref="ImportRevisionHandler"/> is staged (<see cref="RevisionImporter.StageAsync"/>);
/// Wolverine commits them all at once. A concurrent writer of any of them makes the commit fail
/// and the error policy runs the whole batch again on the newer state; anything else fails the
/// batch, and the caller records its files one by one, so that a bad one rejects only itself.
/// The documents of one batch are distinct.
/// </summary>
public static class ImportRevisionsHandler
{
    public static async Task<OutgoingMessages> Handle(ImportRevisions batch, IDocumentSession session, OriginalStores originals, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.Now();
        var decisions = new List<ImportDecision>(batch.Commands.Count);
        foreach (var command in batch.Commands)
        {
            var stream = await session.Events.FetchForWriting<Document>(command.Number, ct);
            decisions.Add((await RevisionImporter.StageAsync(session, originals, stream, command, now, ct)).Decision);
        }
        return [new ImportRevisionsDecision(decisions)];
    }
}
