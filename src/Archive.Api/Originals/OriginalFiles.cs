using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Archive.Api.Originals;

/// <summary>
/// Every file the Archive captured, byte for byte, content-addressed by the SHA-256 its revision's
/// provenance already names (DESIGN decision 14): a file served twice is kept once. The index,
/// <c>originals (sha256, length, store)</c>, is written in the transaction of the event; the bytes in
/// <see cref="PostgresOriginals"/>' parts (same transaction) or in S3 (before it).
/// </summary>
public static class OriginalFiles
{
    public const string Table = "originals";

    public static void ConfigureOriginals(this StoreOptions opts)
    {
        var index = new Table(new PostgresqlObjectName(opts.DatabaseSchemaName, Table, SchemaUtils.IdentifierUsage.General));
        index.AddColumn<string>("sha256").AsPrimaryKey();
        index.AddColumn<long>("length").NotNull();
        index.AddColumn<string>("store").NotNull();
        opts.Storage.ExtendedSchemaObjects.Add(index);
        opts.Storage.ExtendedSchemaObjects.Add(PostgresOriginals.PartsTable(opts.DatabaseSchemaName));
    }

    /// <summary>
    /// Keeps these bytes under their hash in the session's transaction, unless the Archive keeps them
    /// already (then it is the same file: the hash says so). Returns whether they were new.
    /// </summary>
    public static async Task<bool> KeepAsync(IDocumentSession session, IOriginalStore store, string sha256, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        if (await IsKeptAsync(session, sha256, ct)) return false;
        await store.PutAsync(session, sha256, bytes, ct);
        session.QueueSqlCommand($"insert into {Name(session)} (sha256, length, store) values (?, ?, ?) on conflict do nothing",
            sha256, (long)bytes.Length, store.Name);
        return true;
    }

    /// <summary>Whether the Archive keeps this file, asked on the session's own connection (an import asks once a file).</summary>
    static async Task<bool> IsKeptAsync(IQuerySession session, string sha256, CancellationToken ct)
    {
        await session.DocumentStore.Storage.Database.EnsureStorageExistsAsync(typeof(Marten.Storage.StorageFeatures), ct);
        return (await session.AdvancedSql.QueryAsync<bool>($"select exists (select 1 from {Name(session)} where sha256 = ?)", ct, sha256))[0];
    }

    public static async Task<KeptOriginal?> FindAsync(IQuerySession session, string sha256, CancellationToken ct) =>
        (await FindManyAsync(session, [sha256], ct)).GetValueOrDefault(sha256);

    /// <summary>Those of these hashes that the Archive keeps, from the index.</summary>
    public static async Task<Dictionary<string, KeptOriginal>> FindManyAsync(IQuerySession session, IReadOnlyCollection<string> hashes, CancellationToken ct) =>
        hashes.Count == 0 ? []
        : (await SelectAsync(session.DocumentStore, "sha256 = any($1)", hashes.ToArray(), ct)).ToDictionary(k => k.Sha256);

    /// <summary>The index rows <paramref name="where"/> (SQL with one parameter, $1) picks, in hash order.</summary>
    public static async Task<List<KeptOriginal>> SelectAsync(IDocumentStore store, string where, object value, CancellationToken ct)
    {
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(Marten.Storage.StorageFeatures), ct);
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand(
            $"select sha256, length, store from {store.Options.DatabaseSchemaName}.{Table} where {where} order by sha256", connection)
        {
            Parameters = { new() { Value = value } },
        };
        var kept = new List<KeptOriginal>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) kept.Add(new KeptOriginal(reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
        return kept;
    }

    /// <summary>The whole original, from the store its index row names.</summary>
    public static async Task<byte[]> ReadAllAsync(OriginalStores stores, KeptOriginal kept, CancellationToken ct)
    {
        await using var stream = stores.For(kept.Store).OpenSequential(kept.Sha256, kept.Length);
        var bytes = new byte[kept.Length];
        var read = await stream.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, ct);
        return read == bytes.Length ? bytes : bytes[..read];
    }

    /// <summary>The whole original, or null when its bytes no longer have its hash (verify names it).</summary>
    public static async Task<byte[]?> ReadIntactAsync(OriginalStores stores, KeptOriginal kept, CancellationToken ct) =>
        await ReadAllAsync(stores, kept, ct) is var bytes && Content.Text.NormalisedText.Sha256(bytes) == kept.Sha256 ? bytes : null;

    /// <summary>Whether the bytes the store holds under this hash still have it: read through once, never held whole.</summary>
    public static async Task<bool> IntactAsync(OriginalStores stores, KeptOriginal kept, CancellationToken ct)
    {
        await using var stream = stores.For(kept.Store).OpenSequential(kept.Sha256, kept.Length);
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        for (int read; (read = await stream.ReadAsync(buffer, ct)) > 0; total += read) sha.AppendData(buffer, 0, read);
        return total == kept.Length && Convert.ToHexStringLower(sha.GetHashAndReset()) == kept.Sha256;
    }

    static string Name(IQuerySession session) => $"{session.DocumentStore.Options.DatabaseSchemaName}.{Table}";
}
