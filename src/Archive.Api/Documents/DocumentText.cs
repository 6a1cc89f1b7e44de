using Archive.Content.Search;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using Wolverine.Marten;

namespace Archive.Api.Documents;

/// <summary>
/// The normalised bodies, each stored once under its SHA-256 and never changed (DESIGN decision 4),
/// in a plain table: <c>texts (hash, part, text)</c>. A text is kept in parts cut at paragraph
/// boundaries (<see cref="TextSlices"/>, at most 16,000 characters each) so that no row is huge and
/// the search index can take a part as it is; the parts joined in order are the text, byte for byte.
/// No JSON: a text is written and read as itself.
/// </summary>
public static class DocumentText
{
    public const string Table = "texts";

    public static void ConfigureTexts(this StoreOptions opts)
    {
        var texts = new Table(new PostgresqlObjectName(opts.DatabaseSchemaName, Table, SchemaUtils.IdentifierUsage.General));
        texts.AddColumn<string>("hash").AsPrimaryKey();
        texts.AddColumn<int>("part").AsPrimaryKey();
        texts.AddColumn<string>("text").NotNull();
        opts.Storage.ExtendedSchemaObjects.Add(texts);
    }

    /// <summary>
    /// Queues the text in the session's transaction, all its parts in one statement, unless a text of
    /// that hash is there (by another revision, or by a concurrent writer: then it is the same text),
    /// and tells the store's <see cref="ITextStoredListener"/>s in the same transaction.
    /// </summary>
    public static void Store(IDocumentSession session, string hash, string text)
    {
        var parts = TextSlices.Of(text);
        session.QueueSqlCommand(
            $"insert into {session.DocumentStore.Options.DatabaseSchemaName}.{Table} (hash, part, text) " +
            "select ?, (p.n - 1)::int, p.text from unnest(?::text[]) with ordinality as p(text, n) on conflict do nothing",
            hash, parts.ToArray());
        foreach (var listener in ((StoreOptions)session.DocumentStore.Options).Listeners.OfType<ITextStoredListener>())
            listener.Stored(session, hash, parts);
    }

    /// <summary>Whether the Archive has the text, asked without reading it (texts are large, and most revisions share one).</summary>
    public static async Task<bool> IsKeptAsync(IQuerySession session, string hash, CancellationToken ct)
    {
        await EnsureTableAsync(session, ct);
        return (await session.AdvancedSql.QueryAsync<bool>($"select exists (select 1 from {Name(session)} where hash = ?)", ct, hash))[0];
    }

    /// <summary>The side effect a handler returns: the text stored with its events, unless it is kept already.</summary>
    public static async Task<IMartenOp> UnlessKeptAsync(IQuerySession session, string hash, string text, CancellationToken ct) =>
        await IsKeptAsync(session, hash, ct) ? MartenOps.Nothing() : new StoreText(hash, text);

    public static async Task<string?> LoadAsync(IQuerySession session, string hash, CancellationToken ct) =>
        (await LoadManyAsync(session, [hash], ct)).GetValueOrDefault(hash);

    /// <summary>The texts of these hashes that the Archive has, each joined from its parts.</summary>
    public static async Task<Dictionary<string, string>> LoadManyAsync(IQuerySession session, IReadOnlyCollection<string> hashes, CancellationToken ct)
    {
        if (hashes.Count == 0) return [];
        await EnsureTableAsync(session, ct);
        // Read with Npgsql itself: each part streams from PostgreSQL as a string, with no JSON around
        // it, and the parts are joined here (string_agg in PostgreSQL took three times as long for 5 MB).
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand(
            $"select hash, text from {Name(session)} where hash = any($1) order by hash, part", connection)
        {
            Parameters = { new() { Value = hashes.Distinct().ToArray() } },
        };
        // Each part is decoded straight into one buffer per text (no string per part, which for a
        // 5 MB text meant as many megabytes again for the collector), and the text made once from it.
        var texts = new Dictionary<string, string>();
        var buffer = new System.Text.StringBuilder();
        var chunk = System.Buffers.ArrayPool<char>.Shared.Rent(64 * 1024);
        string? current = null;
        try
        {
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
            while (await reader.ReadAsync(ct))
            {
                var hash = reader.GetString(0);
                if (hash != current)
                {
                    if (current is not null) texts[current] = buffer.ToString();
                    (current, buffer.Length) = (hash, 0);
                }
                using var part = await reader.GetTextReaderAsync(1, ct);
                for (int read; (read = await part.ReadAsync(chunk.AsMemory(), ct)) > 0;) buffer.Append(chunk, 0, read);
            }
            if (current is not null) texts[current] = buffer.ToString();
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chunk);
        }
        return texts;
    }

    /// <summary>
    /// The table is one of Marten's extended schema objects: migrations create it in production, and
    /// elsewhere Marten does on first use, like its own tables (cached after the first check).
    /// </summary>
    static ValueTask EnsureTableAsync(IQuerySession session, CancellationToken ct) =>
        session.DocumentStore.Storage.Database.EnsureStorageExistsAsync(typeof(Marten.Storage.StorageFeatures), ct);

    static string Name(IQuerySession session) => $"{session.DocumentStore.Options.DatabaseSchemaName}.{Table}";

    sealed record StoreText(string Hash, string Text) : IMartenOp
    {
        public void Execute(IDocumentSession session) => Store(session, Hash, Text);

        public override string ToString() => $"StoreText {Hash}";
    }
}

/// <summary>
/// Told of each text as it is stored, with its parts, to add what belongs with it to the same
/// transaction (the search index does). Registered among the store's listeners
/// (<c>StoreOptions.Listeners</c>): the documents store texts without knowing who reads them.
/// </summary>
public interface ITextStoredListener
{
    void Stored(IDocumentSession session, string hash, IReadOnlyList<string> parts);
}
