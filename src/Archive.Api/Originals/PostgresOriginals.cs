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

    /// <summary>Every part in one query, streamed as it comes: reading a 20 MB original through takes one round trip, not twenty.</summary>
    public Stream OpenSequential(string sha256, long length) => new PartsInOrder(store, $"select data from {Qualified()} where sha256 = $1 order by part", sha256);

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

/// <summary>A forward-only stream over one query's bytea rows, each read from the wire as the caller asks for it.</summary>
sealed class PartsInOrder(IDocumentStore store, string sql, string sha256) : Stream
{
    NpgsqlConnection? _connection;
    NpgsqlCommand? _command;
    NpgsqlDataReader? _reader;
    Stream? _part;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        if (_reader is null)
        {
            _connection = store.Storage.Database.CreateConnection();
            await _connection.OpenAsync(ct);
            _command = new NpgsqlCommand(sql, _connection) { Parameters = { new() { Value = sha256 } } };
            _reader = await _command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        }
        while (true)
        {
            if (_part is not null && await _part.ReadAsync(buffer, ct) is > 0 and var read) return read;
            if (_part is not null) await _part.DisposeAsync();
            if (!await _reader.ReadAsync(ct)) { _part = null; return 0; }
            _part = await _reader.GetStreamAsync(0, ct);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask DisposeAsync()
    {
        if (_part is not null) await _part.DisposeAsync();
        if (_reader is not null) await _reader.DisposeAsync();
        if (_command is not null) await _command.DisposeAsync();
        if (_connection is not null) await _connection.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        _part?.Dispose();
        _reader?.Dispose();
        _command?.Dispose();
        _connection?.Dispose();
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
