using JasperFx;
using Marten;
using Npgsql;

namespace Archive.Api.Infrastructure;

/// <summary>
/// Where the schema is Marten's to create (not in Production, where migrations/ make it), a command
/// applies every configured change before its parallel work, under the PostgreSQL advisory lock
/// Marten takes for the same at start-up. Several importers started at once on an incomplete schema
/// then wait for the first instead of racing it: without this, each thread creates tables on first
/// use, two processes collide in DDL, and Weasel's in-process lock gives up after 5 s.
/// </summary>
public static class SchemaOnce
{
    public static async Task ApplyAsync(IDocumentStore store, CancellationToken ct)
    {
        var options = (StoreOptions)store.Options;
        if (options.AutoCreateSchemaObjects == AutoCreate.None) return;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, "select pg_advisory_lock($1)", options.ApplyChangesLockId, ct);
        try
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }
        finally
        {
            // A broken connection took the lock with it; an open one goes back to the pool and must not keep it.
            if (connection.FullState == System.Data.ConnectionState.Open)
                await ExecuteAsync(connection, "select pg_advisory_unlock($1)", options.ApplyChangesLockId, CancellationToken.None);
        }
    }

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql, long lockId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = lockId } } };
        await command.ExecuteNonQueryAsync(ct);
    }
}
