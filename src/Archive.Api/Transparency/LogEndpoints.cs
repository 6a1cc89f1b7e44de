using System.Text;
using Archive.Api.Infrastructure;
using Archive.Content.Transparency;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Archive.Api.Transparency;

/// <summary>An inclusion proof: the record, where it is, and the hashes that lead from it to the root of the tree of <see cref="TreeSize"/> leaves.</summary>
/// <param name="Record">The leaf's bytes as text (<see cref="LogRecord"/>); its leaf hash is SHA-256(0x00 ‖ these bytes).</param>
/// <param name="Proof">The audit path, base64, in RFC 6962's order (as Go's tlog.RecordProof).</param>
/// <param name="Checkpoint">The signed checkpoint of that size, when one was signed (a proof for any other size is checked against a root you hold).</param>
public sealed record InclusionProof(string Document, int? Revision, long Version, long LeafIndex, long TreeSize, string Record, string LeafHash,
    string RootHash, IReadOnlyList<string> Proof, string? Checkpoint);

/// <summary>A consistency proof: the tree of <see cref="From"/> leaves is a prefix of the tree of <see cref="To"/>.</summary>
public sealed record ConsistencyProof(long From, long To, string FromRoot, string ToRoot, IReadOnlyList<string> Proof);

public sealed record CheckpointEntry(long Size, DateTimeOffset SignedAt, string Url);

public sealed record CheckpointList(IReadOnlyList<CheckpointEntry> Checkpoints, string? Next);

/// <summary>
/// The transparency log over HTTP: the verifier key, signed checkpoints (the latest, any kept one,
/// one on demand), inclusion and consistency proofs as JSON or as plain base64 lines, and tiles
/// (C2SP tlog-tiles) that any HTTP cache can keep for ever.
/// </summary>
public static class LogEndpoints
{
    const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>Before every endpoint here: with the log off (Archive:Log:Enabled false) each answers 404.</summary>
    public static ProblemDetails Before(IOptions<ArchiveOptions> options) => options.Value.Log.Enabled ? WolverineContinue.NoProblems : new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "The transparency log is off",
        Detail = "This Archive keeps no transparency log (Archive:Log:Enabled is false).",
    };

    [WolverineGet("/log/key", OperationId = "LogKey")]
    [Tags("Transparency log"), EndpointSummary("The verifier key of the log's checkpoints (C2SP signed-note, Go's note.NewVerifier reads it)")]
    [Produces("text/plain"), ProducesResponseType(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Key(LogKeys keys, CancellationToken ct) =>
        Results.Text((await keys.SignerAsync(ct)).VerifierKey + "\n", "text/plain; charset=utf-8");

    [WolverineGet("/log/checkpoint", OperationId = "LogCheckpoint")]
    [Tags("Transparency log"), EndpointSummary("The latest signed checkpoint (C2SP tlog-checkpoint): origin, tree size, root hash, signature")]
    [Produces("text/plain"), ProducesResponseType(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Latest(LogStore log, HttpContext http, CancellationToken ct)
    {
        if (await log.CheckpointAsync(null, ct) is not { } checkpoint) return NoCheckpoint();
        return Note(checkpoint, http, "no-cache");
    }

    [WolverinePost("/log/checkpoint", OperationId = "SignLogCheckpoint")]
    [Tags("Transparency log"), EndpointSummary("Sign a checkpoint of the log as it stands now; needs the API key")]
    [Produces("text/plain"), ProducesResponseType(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Sign(HttpContext context, LogStore log, LogKeys keys, TimeProvider clock, Wolverine.IMessageBus bus, IOptions<ArchiveOptions> options, CancellationToken ct)
    {
        if (ApiKeyCheck.Verify(context, options) is { Status: not null } refused) return Results.Problem(refused);
        return await Checkpoints.SignAsync(log, keys, clock, bus, ct) is { } checkpoint ? Note(checkpoint, context, "no-store") : NoCheckpoint();
    }

    [WolverineGet("/log/checkpoints", OperationId = "LogCheckpoints")]
    [Tags("Transparency log"), EndpointSummary("Every checkpoint kept, newest first; with ?size= the one of that tree size")]
    [ProducesResponseType<CheckpointList>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Kept(long? size, long? before, LogStore log, HttpContext http, CancellationToken ct)
    {
        if (size is { } wanted)
            return await log.CheckpointAsync(wanted, ct) is { } checkpoint ? Note(checkpoint, http, Immutable)
                : Problems.Status(404, "No such checkpoint", $"No checkpoint of {wanted} leaves was signed; /log/checkpoints lists those that were.");
        const int page = 100;
        var sizes = await log.CheckpointSizesAsync(before ?? long.MaxValue, page, ct);
        var entries = sizes.Select(s => new CheckpointEntry(s.Size, s.SignedAt, $"/log/checkpoints?size={s.Size}")).ToList();
        return Results.Ok(new CheckpointList(entries, entries.Count == page ? $"/log/checkpoints?before={entries[^1].Size}" : null));
    }

    [WolverineGet("/log/consistency", OperationId = "LogConsistency")]
    [Tags("Transparency log"), EndpointSummary("Proof that the tree of `from` leaves is a prefix of the tree of `to` (JSON, or base64 lines with Accept: text/plain)")]
    [ProducesResponseType<ConsistencyProof>(200), ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    public static async Task<IResult> Consistency(long from, long? to, LogStore log, HttpContext http, CancellationToken ct)
    {
        var latest = await log.LatestAsync(ct);
        var target = to ?? latest?.Size ?? await log.SizeAsync(ct);
        if (from < 0 || from > target || (to is not null && to != latest?.Size && to > await log.SizeAsync(ct)))
            return Problems.Status(400, "Invalid tree sizes", $"Asked to prove {from} → {target}; the log has {await log.SizeAsync(ct)} leaves, and from must be at most to.");
        var (proof, fromRoot, toRoot) = await log.ComputeAsync(read =>
            (MerkleTree.ConsistencyProof(from, target, read), MerkleTree.RootHash(from, read), MerkleTree.RootHash(target, read)), ct);
        if (WantsText(http)) return Lines(proof);
        return Results.Ok(new ConsistencyProof(from, target, Convert.ToBase64String(fromRoot), Convert.ToBase64String(toRoot), proof.Select(Convert.ToBase64String).ToList()));
    }

    [WolverineGet("/api/documents/{nr}/revisions/{n}/proof", OperationId = "RevisionInclusionProof")]
    [Tags("Transparency log"), EndpointSummary("Proof that the event of this revision is in the log (in the latest checkpoint's tree, or the tree of ?size=)")]
    [ProducesResponseType<InclusionProof>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json"), ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    public static async Task<IResult> Inclusion(string nr, int n, long? size, LogStore log, Marten.IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var leaves = await log.LeavesOfAsync(nr, ct);
        if (leaves.FirstOrDefault(l => l.Revision == n) is not { } leaf)
            return leaves.Count == 0 && await session.LoadAsync<Documents.GettingDetails.DocumentDetails>(nr, ct) is null ? Problems.UnknownDocument(nr)
                : Problems.Status(404, "Revision not in the log yet", $"Document '{nr}' has no revision {n} in the log (it is appended within seconds of being recorded).");
        return await Prove(leaf, size, log, http, ct);
    }

    [WolverineGet("/log/proof", OperationId = "LeafInclusionProof")]
    [Tags("Transparency log"), EndpointSummary("Proof that leaf `index` is in the log (in the latest checkpoint's tree, or the tree of ?size=)")]
    [ProducesResponseType<InclusionProof>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json"), ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    public static async Task<IResult> LeafInclusion(long index, long? size, LogStore log, HttpContext http, CancellationToken ct)
    {
        if (index < 0) return Problems.Status(404, "No such leaf", $"The log has no leaf {index}.");
        // In the usual case (the latest tree, a leaf in it) the leaf and the hashes of its proof come in one round trip.
        var treeSize = size ?? (await log.LatestAsync(ct))?.Size ?? 0;
        var nodes = index < treeSize && treeSize >= 1
            ? MerkleTree.NodesFor(read => { MerkleTree.InclusionProof(index, treeSize, read); MerkleTree.RootHash(treeSize, read); })
            : [];
        var (leaf, hashes) = await log.LeafWithHashesAsync(index, nodes, ct);
        if (leaf is null) return Problems.Status(404, "No such leaf", $"The log has no leaf {index}.");
        return await Prove(leaf, size, log, http, ct, hashes);
    }

    /// <summary>Two queries when no size is given: the leaf (by the caller) and the stored hashes; the latest checkpoint is known to a second.</summary>
    static async Task<IResult> Prove(LogLeaf leaf, long? size, LogStore log, HttpContext http, CancellationToken ct, IReadOnlyDictionary<Node, byte[]>? hashes = null)
    {
        if (size < 1) return Problems.Status(400, "Invalid tree size", $"A tree has at least one leaf; size {size} has none.");
        var latest = await log.LatestAsync(ct);
        var treeSize = size ?? latest?.Size ?? 0;
        var what = leaf.Revision is { } r ? $"Revision {r} of '{leaf.Stream}'" : $"Event {leaf.Version} of '{leaf.Stream}'";
        if (size is not null && size != latest?.Size && treeSize > await log.SizeAsync(ct))
            return Problems.Status(400, "Invalid tree size", $"The log has fewer than {treeSize} leaves.");
        if (leaf.Index >= treeSize)
            return Problems.Status(409, "Not in that tree yet", size is null
                ? $"{what} is leaf {leaf.Index}; the latest checkpoint has {treeSize} leaves. The next checkpoint will include it."
                : $"{what} is leaf {leaf.Index}, which a tree of {treeSize} leaves does not include.");
        var (proof, root) = await log.ComputeAsync(read => (MerkleTree.InclusionProof(leaf.Index, treeSize, read), MerkleTree.RootHash(treeSize, read)), ct, hashes);
        if (WantsText(http)) return Lines(proof);
        var checkpoint = treeSize == latest?.Size ? latest : await log.CheckpointAsync(treeSize, ct);
        return Results.Ok(new InclusionProof(leaf.Stream, leaf.Revision, leaf.Version, leaf.Index, treeSize, Encoding.UTF8.GetString(leaf.Data),
            Convert.ToBase64String(MerkleTree.LeafHash(leaf.Data)), Convert.ToBase64String(root), proof.Select(Convert.ToBase64String).ToList(), checkpoint?.Note));
    }

    [WolverineGet("/log/records/{index}", OperationId = "LogRecord")]
    [Tags("Transparency log"), EndpointSummary("One leaf's record, as its bytes")]
    [Produces("text/plain"), ProducesResponseType(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Record(long index, LogStore log, HttpContext http, CancellationToken ct)
    {
        if (index < 0 || (await log.LeavesAsync(index, 1, ct)) is not [var leaf])
            return Problems.Status(404, "No such leaf", $"The log has no leaf {index}.");
        http.Response.Headers.CacheControl = Immutable;
        return Results.Bytes(leaf.Data, "text/plain; charset=utf-8");
    }

    [WolverineGet("/log/tile/{**path}", OperationId = "LogTile")]
    [Tags("Transparency log"), EndpointSummary("A tile of hashes or an entry bundle (C2SP tlog-tiles: /log/tile/<L>/<N>[.p/<W>], /log/tile/entries/<N>[.p/<W>])")]
    [Produces("application/octet-stream"), ProducesResponseType(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Tile(string path, LogStore log, HttpContext http, CancellationToken ct)
    {
        if (TilePath.Parse(path) is not { } tile) return Problems.Status(404, "No such tile", $"'{path}' is not a tile path (<L>/<N>[.p/<W>] or entries/<N>[.p/<W>], N in x-prefixed groups of three digits).");
        var published = (await log.CheckpointAsync(null, ct))?.Size ?? 0;
        var level = tile.Entries ? 0 : tile.Level * TilePath.Height;
        var available = level >= 63 ? 0 : published >> level;
        if (tile.Index > available / TilePath.FullWidth || tile.Index * TilePath.FullWidth + tile.Width > available)
            return Problems.Status(404, "No such tile", $"Tile '{path}' lies beyond the latest checkpoint ({published} leaves).");
        var first = tile.Index * TilePath.FullWidth;
        byte[] body;
        if (tile.Entries)
        {
            using var bundle = new MemoryStream();
            foreach (var leaf in await log.LeavesAsync(first, tile.Width, ct))
            {
                bundle.Write([(byte)(leaf.Data.Length >> 8), (byte)leaf.Data.Length]);
                bundle.Write(leaf.Data);
            }
            body = bundle.ToArray();
        }
        else body = (await log.LevelAsync(level, first, tile.Width, ct)).SelectMany(h => h).ToArray();
        http.Response.Headers.CacheControl = Immutable;
        return Results.Bytes(body, "application/octet-stream");
    }

    static bool WantsText(HttpContext http) =>
        http.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/plain", StringComparison.OrdinalIgnoreCase));

    static IResult Lines(IEnumerable<byte[]> hashes) =>
        Results.Text(string.Concat(hashes.Select(h => Convert.ToBase64String(h) + "\n")), "text/plain; charset=utf-8");

    static IResult Note(SignedCheckpoint checkpoint, HttpContext http, string cacheControl)
    {
        http.Response.Headers.CacheControl = cacheControl;
        return Results.Text(checkpoint.Note, "text/plain; charset=utf-8");
    }

    static IResult NoCheckpoint() => Problems.Status(404, "No checkpoint yet", "The log has signed no checkpoint yet: it has no events, or they were recorded seconds ago.");

}

/// <summary>A tile's coordinates as C2SP tlog-tiles writes them: level, index in x-prefixed groups of three digits, and a width when partial.</summary>
public sealed record TilePath(bool Entries, int Level, long Index, int Width)
{
    public const int Height = 8, FullWidth = 256;

    public static TilePath? Parse(string path)
    {
        var parts = path.Split('/');
        if (parts.Length < 2) return null;
        var width = FullWidth;
        if (parts.Length >= 3 && parts[^2].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!int.TryParse(parts[^1], System.Globalization.NumberStyles.None, null, out width) || width is < 1 or >= FullWidth || parts[^1] != width.ToString()) return null;
            parts = [.. parts[..^2], parts[^2][..^2]];
        }
        var entries = parts[0] == "entries";
        var level = 0;
        if (!entries && (!int.TryParse(parts[0], System.Globalization.NumberStyles.None, null, out level) || level > 7 || parts[0] != level.ToString())) return null;
        long index = 0;
        for (var i = 1; i < parts.Length; i++)
        {
            var group = parts[i];
            var last = i == parts.Length - 1;
            if (!last) { if (!group.StartsWith('x')) return null; group = group[1..]; }
            if (group.Length != 3 || !group.All(char.IsAsciiDigit) || index > (long.MaxValue - 999) / 1000) return null;
            index = index * 1000 + int.Parse(group);
        }
        return new TilePath(entries, level, index, width);
    }

    public override string ToString()
    {
        var digits = Index.ToString("D3");
        var groups = new List<string>();
        for (var end = digits.Length; end > 0; end -= 3) groups.Insert(0, digits[Math.Max(0, end - 3)..end].PadLeft(3, '0'));
        var n = string.Join("/", groups.Select((g, i) => i < groups.Count - 1 ? "x" + g : g));
        return $"{(Entries ? "entries" : Level.ToString())}/{n}{(Width < FullWidth ? $".p/{Width}" : "")}";
    }
}

/// <summary>How the change feeds name the latest checkpoint: a Link header, an Atom link, a heartbeat's words.</summary>
public static class LogHead
{
    public static string Link(SignedCheckpoint c) =>
        $"</log/checkpoints?size={c.Size}>; rel=\"checkpoint\"; tree-size=\"{c.Size}\"; root-hash=\"{Convert.ToBase64String(c.Root)}\"";

    public static string Words(SignedCheckpoint c) => $"checkpoint {c.Size} {Convert.ToBase64String(c.Root)}";
}
