using Archive.Api.Documents;
using Marten;

namespace Archive.Api.Search;

/// <summary>
/// Whenever a session stores a text, its index joins the same transaction: the search follows the
/// texts without the documents' write path knowing that search exists.
/// </summary>
public sealed class TextSliceListener : DocumentSessionListenerBase, ITextStoredListener
{
    public void Stored(IDocumentSession session, string hash, IReadOnlyList<string> parts) => TextSlice.Index(session, hash, parts);
}
