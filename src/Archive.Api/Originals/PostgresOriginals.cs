using Marten;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Archive.Api.Originals;

/// <summary>
/// Originals in PostgreSQL, the default: one backup holds everything, and the bytes commit with the
/// event that names them. A file is kept in parts of <see cref="PartBytes"/> (<c>original_parts</c>),
/// so that no row is huge, the bytes are written without a second copy of the file, and a range is
/// read without reading the rest.
/// </summary>
public sealed class PostgresOriginals(IDocumentStore store) : IOriginalStore
{
    public const string Table = "original_parts";
    public const int PartBytes = 1024 * 1024;

    public string Name => "postgres";

    public static Table PartsTable(string schema)
    {
        var parts = new Table(new PostgresqlObjectName(schema, Table, SchemaUtils.IdentifierUsage.General));
        parts.AddColumn<string>("sha256").AsPrimaryKey();
        parts.AddColumn<int>("part").AsPrimaryKey();
        parts.AddColumn("data", "bytea").NotNull();
        return parts;
    }

    public Task PutAsync(IDocumentSession session, string sha256, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        var sql = $"insert into {Qualified()} (sha256, part, data) values (?, ?, ?) on conflict do nothing";
        var part = 0;
        do session.QueueSqlCommand(sql, sha256, part, bytes.Slice(part * PartBytes, Math.Min(PartBytes, bytes.Length - part * PartBytes)));
        while (++part * (long)PartBytes < bytes.Length);
        return Task.CompletedTask;
    }

    public Stream Open(string sha256, long length) => new PartedStream(length, PartBytes, (part, ct) => ReadPartAsync(sha256, part, ct));

    async Task<byte[]> ReadPartAsync(string sha256, int part, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select data from {Qualified()} where sha256 = $1 and part = $2", connection)
        {
            Parameters = { new() { Value = sha256 }, new() { Value = part } },
        };
        return await command.ExecuteScalarAsync(ct) as byte[] ?? [];
    }

    public async Task DeleteAsync(string sha256, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"delete from {Qualified()} where sha256 = $1", connection) { Parameters = { new() { Value = sha256 } } };
        await command.ExecuteNonQueryAsync(ct);
    }

    string Qualified() => $"{store.Options.DatabaseSchemaName}.{Table}";
}
