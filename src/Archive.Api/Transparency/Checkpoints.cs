using Archive.Content.Transparency;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using System.Text.Json.Serialization;
using Wolverine;

namespace Archive.Api.Transparency;

/// <summary>
/// The log's signer key: <c>Archive:Log:SignerKey</c> when configured, else the one kept in the
/// database, made on first use (by whichever node gets there first; the others read it). The
/// private half is never logged nor served; the verifier key is public (GET /log/key).
/// </summary>
public sealed class LogKeys(IDocumentStore store, IOptions<ArchiveOptions> options)
{
    readonly SemaphoreSlim _gate = new(1, 1);
    NoteSigner? _signer;

    public async Task<NoteSigner> SignerAsync(CancellationToken ct)
    {
        if (_signer is { } known) return known;
        await _gate.WaitAsync(ct);
        try
        {
            return _signer ??= options.Value.Log.SignerKey is { Length: > 0 } configured
                ? NoteSigner.Parse(configured) ?? throw new InvalidOperationException("Archive:Log:SignerKey is not a signer key (PRIVATE+KEY+name+id+key)")
                : await KeptAsync(ct);
        }
        finally { _gate.Release(); }
    }

    async Task<NoteSigner> KeptAsync(CancellationToken ct)
    {
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(Marten.Storage.StorageFeatures), ct);
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        var table = $"{store.Options.DatabaseSchemaName}.{Configuration.Keys}";
        var made = NoteSigner.Generate(Origin(options.Value));
        await using (var insert = new NpgsqlCommand(
            $"insert into {table} (name, signer_key, created_at) select $1, $2, now() where not exists (select 1 from {table})", connection)
            { Parameters = { new() { Value = made.Name }, new() { Value = made.ToSignerKey() } } })
            await insert.ExecuteNonQueryAsync(ct);
        await using var read = new NpgsqlCommand($"select signer_key from {table} order by created_at limit 1", connection);
        return NoteSigner.Parse((string)(await read.ExecuteScalarAsync(ct))!)
            ?? throw new InvalidOperationException($"the signer key kept in {table} cannot be read");
    }

    /// <summary>The configured origin, or the public base URL's host and path with "/log", or "archive.localhost/log".</summary>
    public static string Origin(ArchiveOptions options)
    {
        if (options.Log.Origin is { Length: > 0 } origin) return origin.Trim();
        if (options.PublicBase is { Length: > 0 } publicBase && Uri.TryCreate(publicBase, UriKind.Absolute, out var uri))
            return $"{uri.Authority}{uri.AbsolutePath.TrimEnd('/')}/log";
        return "archive.localhost/log";
    }
}

/// <summary>Sign a checkpoint of the log as it now stands, unless its size has been signed already.</summary>
public sealed record SignCheckpoint;

public static class SignCheckpointHandler
{
    public static Task Handle(SignCheckpoint _, LogStore log, LogKeys keys, TimeProvider clock, IMessageBus bus, CancellationToken ct) =>
        Checkpoints.SignAsync(log, keys, clock, bus, ct);
}

/// <summary>
/// A new checkpoint as a CloudEvent, published where the changes go (the broker's archive.changes
/// exchange, when one is configured), so that whoever follows the changes can keep the checkpoints too.
/// </summary>
public sealed record CheckpointNotice(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("datacontenttype")] string DataContentType,
    [property: JsonPropertyName("data")] CheckpointData Data)
{
    public const string EventType = "nl.tweedekamer.archive.log.checkpoint.v1";

    public static CheckpointNotice Of(string origin, SignedCheckpoint checkpoint) =>
        new("1.0", $"checkpoint-{checkpoint.Size}", "/archive/log", EventType, origin, checkpoint.SignedAt, "application/json",
            new CheckpointData(checkpoint.Size, Convert.ToBase64String(checkpoint.Root), checkpoint.Note, $"/log/checkpoints?size={checkpoint.Size}"));
}

public sealed record CheckpointData(
    [property: JsonPropertyName("treeSize")] long TreeSize,
    [property: JsonPropertyName("rootHash")] string RootHash,
    [property: JsonPropertyName("checkpoint")] string Checkpoint,
    [property: JsonPropertyName("url")] string Url);

public static class Checkpoints
{
    /// <summary>Signs and keeps a checkpoint of the log's present size (the latest one when that size is signed); null when the log is empty.</summary>
    public static async Task<SignedCheckpoint?> SignAsync(LogStore log, LogKeys keys, TimeProvider clock, IMessageBus bus, CancellationToken ct)
    {
        var size = await log.SizeAsync(ct);
        if (size == 0) return null;
        if (await log.CheckpointAsync(size, ct) is { } signed) return signed;
        var root = await log.ComputeAsync(read => MerkleTree.RootHash(size, read), ct);
        var signer = await keys.SignerAsync(ct);
        var note = signer.Sign(new Checkpoint(signer.Name, size, root).Text);
        if (await log.KeepCheckpointAsync(new SignedCheckpoint(size, root, note, clock.GetUtcNow()), ct) is not { } kept)
            return await log.CheckpointAsync(size, ct);   // another node signed this size a moment ago: that one stands
        await bus.PublishAsync(CheckpointNotice.Of(signer.Name, kept));
        return kept;
    }
}
