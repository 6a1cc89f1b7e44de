using Archive.Content.Transparency;
using Marten;
using Npgsql;

namespace Archive.Api.Transparency;

/// <summary>A leaf as the log keeps it: its place, the event it stands for, and the record's bytes.</summary>
public sealed record LogLeaf(long Index, long Sequence, string Stream, long Version, int? Revision, byte[] Data);

/// <summary>A signed checkpoint as kept: the tree's size and root, and the signed note.</summary>
public sealed record SignedCheckpoint(long Size, byte[] Root, string Note, DateTimeOffset SignedAt);

/// <summary>Reads the log's tables with Npgsql itself (hashes and records are bytes; no JSON around them).</summary>
public sealed class LogStore(IDocumentStore store)
{
    string Table(string name) => $"{store.Options.DatabaseSchemaName}.{name}";

    internal async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(Marten.Storage.StorageFeatures), ct);
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>How many leaves the log has.</summary>
    public async Task<long> SizeAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await SizeAsync(connection, ct);
    }

    internal async Task<long> SizeAsync(NpgsqlConnection connection, CancellationToken ct) => (await EndAsync(connection, ct)).Size;

    /// <summary>How many leaves the log has, and the sequence of the event its last leaf stands for (0 when empty).</summary>
    internal async Task<(long Size, long LastSequence)> EndAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select idx + 1, seq from {Table(Configuration.Leaves)} order by idx desc limit 1", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetInt64(1)) : (0, 0);
    }

    /// <summary>The stored hashes of these subtrees; one that is not stored is missing from the answer.</summary>
    public async Task<Dictionary<Node, byte[]>> HashesAsync(IReadOnlyCollection<Node> nodes, CancellationToken ct)
    {
        if (nodes.Count == 0) return [];
        await using var connection = await OpenAsync(ct);
        return await HashesAsync(connection, nodes, ct);
    }

    internal async Task<Dictionary<Node, byte[]>> HashesAsync(NpgsqlConnection connection, IReadOnlyCollection<Node> nodes, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"select h.level, h.idx, h.hash from {Table(Configuration.Hashes)} h join unnest($1::int[], $2::bigint[]) as w(level, idx) using (level, idx)", connection)
        {
            Parameters = { new() { Value = nodes.Select(n => n.Level).ToArray() }, new() { Value = nodes.Select(n => n.Index).ToArray() } },
        };
        var found = new Dictionary<Node, byte[]>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found[new Node(reader.GetInt32(0), reader.GetInt64(1))] = (byte[])reader[2];
        return found;
    }

    /// <summary>The hashes at one level of the tree from an index on: a tile's row (C2SP tlog-tiles).</summary>
    public async Task<List<byte[]>> LevelAsync(int level, long from, int count, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select hash from {Table(Configuration.Hashes)} where level = $1 and idx >= $2 and idx < $3 order by idx", connection)
        {
            Parameters = { new() { Value = level }, new() { Value = from }, new() { Value = from + count } },
        };
        var hashes = new List<byte[]>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) hashes.Add((byte[])reader[0]);
        return hashes;
    }

    /// <summary>The leaves from an index on, in order.</summary>
    public Task<List<LogLeaf>> LeavesAsync(long from, int count, CancellationToken ct) =>
        LeavesWhereAsync("idx >= $1 and idx < $2 order by idx", [from, from + count], ct);

    /// <summary>One leaf and the stored hashes of these subtrees, in one round trip (a batch of two queries).</summary>
    public async Task<(LogLeaf? Leaf, Dictionary<Node, byte[]> Hashes)> LeafWithHashesAsync(long index, IReadOnlyCollection<Node> nodes, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"select idx, seq, stream, version, revision, data from {Table(Configuration.Leaves)} where idx = $1") { Parameters = { new() { Value = index } } },
                new NpgsqlBatchCommand($"select h.level, h.idx, h.hash from {Table(Configuration.Hashes)} h join unnest($1::int[], $2::bigint[]) as w(level, idx) using (level, idx)")
                {
                    Parameters = { new() { Value = nodes.Select(n => n.Level).ToArray() }, new() { Value = nodes.Select(n => n.Index).ToArray() } },
                },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        LogLeaf? leaf = null;
        if (await reader.ReadAsync(ct))
            leaf = new LogLeaf(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetInt32(4), (byte[])reader[5]);
        await reader.NextResultAsync(ct);
        var hashes = new Dictionary<Node, byte[]>();
        while (await reader.ReadAsync(ct)) hashes[new Node(reader.GetInt32(0), reader.GetInt64(1))] = (byte[])reader[2];
        return (leaf, hashes);
    }

    /// <summary>The leaves of a document's events, in the stream's order.</summary>
    public Task<List<LogLeaf>> LeavesOfAsync(string stream, CancellationToken ct) =>
        LeavesWhereAsync("stream = $1 order by version", [stream], ct);

    async Task<List<LogLeaf>> LeavesWhereAsync(string where, object[] values, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select idx, seq, stream, version, revision, data from {Table(Configuration.Leaves)} where {where}", connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        var leaves = new List<LogLeaf>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            leaves.Add(new LogLeaf(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), (byte[])reader[5]));
        return leaves;
    }

    /// <summary>The latest checkpoint, or the one of exactly <paramref name="size"/> leaves.</summary>
    public async Task<SignedCheckpoint?> CheckpointAsync(long? size, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select size, root, note, signed_at from {Table(Configuration.Checkpoints)} " +
            (size is null ? "order by size desc limit 1" : "where size = $1"), connection);
        if (size is { } s) command.Parameters.Add(new NpgsqlParameter { Value = s });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new SignedCheckpoint(reader.GetInt64(0), (byte[])reader[1], reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)) : null;
    }

    /// <summary>The sizes of the checkpoints kept, newest first, from below a size on (a page of them).</summary>
    public async Task<List<(long Size, DateTimeOffset SignedAt)>> CheckpointSizesAsync(long below, int limit, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select size, signed_at from {Table(Configuration.Checkpoints)} where size < $1 order by size desc limit $2", connection)
        {
            Parameters = { new() { Value = below }, new() { Value = limit } },
        };
        var sizes = new List<(long, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) sizes.Add((reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1)));
        return sizes;
    }

    /// <summary>Keeps a checkpoint, and returns it; one of that size kept already (signed by another node at the same moment) stays, and null is returned.</summary>
    public async Task<SignedCheckpoint?> KeepCheckpointAsync(SignedCheckpoint checkpoint, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"insert into {Table(Configuration.Checkpoints)} (size, root, note, signed_at) values ($1, $2, $3, $4) on conflict (size) do nothing", connection)
        {
            Parameters = { new() { Value = checkpoint.Size }, new() { Value = checkpoint.Root }, new() { Value = checkpoint.Note }, new() { Value = checkpoint.SignedAt } },
        };
        var kept = await command.ExecuteNonQueryAsync(ct) == 1 ? checkpoint : null;
        _latest = null;   // this node answers with the new checkpoint at once
        return kept;
    }

    sealed record Cached(long At, SignedCheckpoint? Checkpoint);
    Cached? _latest;

    /// <summary>The latest checkpoint as of at most a second ago: what every change-feed page and heartbeat names.</summary>
    public async Task<SignedCheckpoint?> LatestAsync(CancellationToken ct)
    {
        var known = _latest;
        if (known is not null && Environment.TickCount64 - known.At < 1_000) return known.Checkpoint;
        var latest = await CheckpointAsync(null, ct);
        _latest = new Cached(Environment.TickCount64, latest);
        return latest;
    }

    /// <summary>Runs <paramref name="compute"/> over the stored hashes it needs, read in one query.</summary>
    public async Task<T> ComputeAsync<T>(Func<Func<Node, byte[]>, T> compute, CancellationToken ct, IReadOnlyDictionary<Node, byte[]>? read = null)
    {
        var nodes = MerkleTree.NodesFor(r => compute(r));
        var hashes = read is not null && nodes.All(read.ContainsKey) ? read : await HashesAsync(nodes, ct);
        return compute(node => hashes.TryGetValue(node, out var hash) ? hash
            : throw new InvalidOperationException($"the log has no stored hash {node}: its tables are incomplete"));
    }
}
