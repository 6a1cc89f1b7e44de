using Archive.Api.Documents;
using Marten;

namespace Archive.Api.Search;

/// <summary>
/// Whenever a session is about to store a text, its search slices join the same transaction: the
/// search follows the texts without the documents' write path knowing that search exists.
/// </summary>
public sealed class TextSliceListener : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken ct)
    {
        // A copy: queuing the slices adds to the very operations being read.
        foreach (var text in session.PendingChanges.AllChangedFor<DocumentText>().ToList())
            await TextSlice.StoreAsync(session, text.Id, text.Text, ct);
    }
}
