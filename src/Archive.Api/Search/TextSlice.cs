using Archive.Content.Search;
using Marten;

namespace Archive.Api.Search;

/// <summary>
/// A stored text, cut into slices for the search index (see <see cref="TextSlices"/>), each with
/// its tsvector under PostgreSQL's 'simple' configuration: lower case, no stemming; singular and
/// plural are matched by expanding the query (<see cref="DutchInflection"/>). Like the text, never changed.
/// </summary>
public static class TextSlice
{
    /// <summary>Queues the slices in the session's transaction, next to the text they come from.</summary>
    public static async Task StoreAsync(IDocumentSession session, string hash, string text, CancellationToken ct)
    {
        await EnsureTableAsync(session.DocumentStore, ct);
        foreach (var (slice, index) in TextSlices.Of(text).Select((s, i) => (s, i)))
            session.QueueSqlCommand(
                $"insert into {session.DocumentStore.Options.DatabaseSchemaName}.{SearchSql.SlicesTable} (hash, index, text, vector) " +
                $"values (?, ?, ?, to_tsvector('{SearchSql.Config}'::regconfig, ?)) on conflict do nothing",
                hash, index, slice, slice);
    }

    /// <summary>
    /// The table is one of Marten's extended schema objects: migrations create it in production,
    /// and elsewhere Marten does on first use, like its own tables (cached after the first check).
    /// </summary>
    public static ValueTask EnsureTableAsync(IDocumentStore store, CancellationToken ct) =>
        store.Storage.Database.EnsureStorageExistsAsync(typeof(Marten.Storage.StorageFeatures), ct);
}
