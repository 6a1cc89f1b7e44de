using Archive.Api.Documents;
using Marten;

namespace Archive.Api.Search;

/// <summary>
/// Whenever a session records revisions, the index of their texts joins the same transaction: the
/// search follows the texts without the documents' write path knowing that search exists.
/// </summary>
public sealed class TextSliceListener : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken ct)
    {
        var hashes = session.PendingChanges.Streams().SelectMany(s => s.Events).Select(e => e.Data)
            .OfType<RevisionImported>().Select(r => r.ContentHash).ToHashSet();
        if (hashes.Count > 0) TextSlice.Index(session, hashes);
        return Task.CompletedTask;
    }
}
