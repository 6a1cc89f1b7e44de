using Archive.Api.Documents;
using Marten;

namespace Archive.Api.Search;

/// <summary>
/// The search index of the stored texts: for each part of a text (see <see cref="DocumentText"/>)
/// its tsvector under PostgreSQL's 'simple' configuration (lower case, no stemming; singular and
/// plural are matched by expanding the query, <see cref="Archive.Content.Search.DutchInflection"/>).
/// The words are not kept here a second time: snippets read them from the texts. Like the texts,
/// never changed. A text is indexed as it is stored (<see cref="TextSliceListener"/>);
/// <see cref="Index"/> indexes texts stored before (the <c>search-index</c> command).
/// </summary>
public static class TextSlice
{
    /// <summary>The search vector of an expression that is a folded part (<see cref="Archive.Content.Search.Diacritics"/>).</summary>
    public static string Vector(string folded) => $"to_tsvector('{SearchSql.Config}'::regconfig, {folded})";

    /// <summary>
    /// Queues, in the session's transaction, the index of a text's parts, folded here: folding in
    /// PostgreSQL cost almost as much as the vector itself (docs/benchmarks.md).
    /// </summary>
    public static void Index(IDocumentSession session, string hash, IReadOnlyList<string> parts) =>
        session.QueueSqlCommand(
            $"insert into {session.DocumentStore.Options.DatabaseSchemaName}.{SearchSql.SlicesTable} (hash, index, vector) " +
            $"select ?, (p.n - 1)::int, {Vector("p.folded")} from unnest(?::text[]) with ordinality as p(folded, n) on conflict do nothing",
            hash, parts.Select(Archive.Content.Search.Diacritics.Fold).ToArray());

    /// <summary>
    /// Queues, in the session's transaction, the index of those of these stored texts that are not
    /// indexed yet, folded and computed by PostgreSQL from the stored parts.
    /// </summary>
    public static void Index(IDocumentSession session, IReadOnlyCollection<string> hashes)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        session.QueueSqlCommand(
            $"insert into {schema}.{SearchSql.SlicesTable} (hash, index, vector) " +
            $"select t.hash, t.part, {Vector(Archive.Content.Search.Diacritics.Sql("t.text"))} from {schema}.{DocumentText.Table} t " +
            $"where t.hash = any(?) and not exists (select 1 from {schema}.{SearchSql.SlicesTable} s where s.hash = t.hash) on conflict do nothing",
            (object)hashes.Distinct().ToArray());
    }

    /// <summary>
    /// The table is one of Marten's extended schema objects: migrations create it in production,
    /// and elsewhere Marten does on first use, like its own tables (cached after the first check).
    /// </summary>
    public static ValueTask EnsureTableAsync(IDocumentStore store, CancellationToken ct) =>
        store.Storage.Database.EnsureStorageExistsAsync(typeof(Marten.Storage.StorageFeatures), ct);
}
