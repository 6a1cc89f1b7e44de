using Marten;
using Npgsql;

namespace Archive.Api.Originals;

/// <summary>
/// The store's upkeep: collecting bytes that no kept original names (an S3 object put just before a
/// crash, parts left by an interrupted move) and moving originals between stores, each hash checked
/// before its index row names the new store and before the old copy goes.
/// </summary>
public static class OriginalsUpkeep
{
    public static async Task<bool> CollectAsync(IDocumentStore store, OriginalStores stores, TimeSpan grace, TextWriter output, CancellationToken ct)
    {
        var parts = await ExecuteAsync(store,
            $"delete from {Schema(store)}.{PostgresOriginals.Table} p where not exists " +
            $"(select 1 from {Schema(store)}.{OriginalFiles.Table} o where o.sha256 = p.sha256 and o.store = 'postgres')", ct);
        output.WriteLine($"postgres: {parts} parts of originals no index row names removed");
        var named = (await HashesInAsync(store, "s3", ct)).ToHashSet(StringComparer.Ordinal);
        if (stores.Writer.Name != "s3" && named.Count == 0) return true;
        if (await stores.S3.ProblemAsync(ct) is { } problem) { Console.Error.WriteLine($"originals: {problem}"); return false; }
        var (removed, young) = (0, 0);
        var before = DateTimeOffset.UtcNow - grace;
        await foreach (var (sha256, written) in stores.S3.ListAsync(ct))
        {
            if (named.Contains(sha256)) continue;
            if (written > before) { young++; continue; }
            await stores.S3.DeleteAsync(sha256, ct);
            removed++;
        }
        output.WriteLine($"s3: {removed} objects no revision names removed" + (young > 0 ? $", {young} younger than {grace.TotalMinutes:N0} minutes left" : ""));
        return true;
    }

    public static async Task<bool> MigrateAsync(IDocumentStore store, OriginalStores stores, string to, TextWriter output, CancellationToken ct)
    {
        if (to is not ("s3" or "postgres")) throw new ArgumentException($"'{to}' is no store of originals (s3 or postgres)", nameof(to));
        var moving = await OriginalFiles.SelectAsync(store, "store <> $1", to, ct);
        if ((OriginalStores.IsS3(to) || moving.Any(k => OriginalStores.IsS3(k.Store))) && await stores.S3.ProblemAsync(ct) is { } problem)
        {
            Console.Error.WriteLine($"originals: {problem}; nothing was moved");
            return false;
        }
        var (moved, damaged) = (0, 0);
        foreach (var kept in moving)
        {
            if (await OriginalFiles.ReadIntactAsync(stores, kept, ct) is not { } bytes)
            {
                output.WriteLine($"{kept.Sha256}: its bytes in {kept.Store} no longer have that hash; not moved (verify names its revisions)");
                damaged++;
                continue;
            }
            await using (var session = store.LightweightSession())
            {
                await stores.For(to).PutAsync(session, kept.Sha256, bytes, ct);
                session.QueueSqlCommand($"update {Schema(store)}.{OriginalFiles.Table} set store = ? where sha256 = ?", to, kept.Sha256);
                await session.SaveChangesAsync(ct);
            }
            await stores.For(kept.Store).DeleteAsync(kept.Sha256, ct);
            moved++;
        }
        output.WriteLine($"{moved} originals moved to {to}, each hash checked" + (damaged > 0 ? $"; {damaged} damaged ones left where they are" : ""));
        return damaged == 0;
    }

    static async Task<IEnumerable<string>> HashesInAsync(IDocumentStore store, string name, CancellationToken ct) =>
        (await OriginalFiles.SelectAsync(store, "store = $1", name, ct)).Select(k => k.Sha256);

    static async Task<int> ExecuteAsync(IDocumentStore store, string sql, CancellationToken ct)
    {
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(Marten.Storage.StorageFeatures), ct);
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(ct);
    }

    static string Schema(IDocumentStore store) => store.Options.DatabaseSchemaName;
}
