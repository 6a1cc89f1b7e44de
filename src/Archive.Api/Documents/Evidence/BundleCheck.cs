using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Archive.Content.Transparency;

namespace Archive.Api.Documents.Evidence;

/// <summary>What checking a bundle found: each problem names the file it is in.</summary>
public sealed record BundleReport(string Document, int Events, int Logged, long? TreeSize, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes)
{
    public bool Intact => Problems.Count == 0;
}

/// <summary>
/// Checks a history.zip (<see cref="EvidenceBundle"/>) offline, with nothing but the bundle and the
/// log's verifier key: every file against SHA256SUMS, the events' hash chain, each text against the
/// hash its revision names, the checkpoint's signature, and each event's log record and inclusion
/// proof against the checkpoint's root. Nothing here reads a database or the network.
/// </summary>
public static class BundleCheck
{
    public static BundleReport Check(Stream zip, string verifierKey)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string folder;
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
            foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                files[entry.FullName] = buffer.ToArray();
            }
            var folders = files.Keys.Select(k => k.Split('/')[0]).Distinct().ToList();
            if (folders is not [var only]) return Broken("?", "the bundle is not one document's folder");
            folder = only;
        }
        catch (InvalidDataException e) { return Broken("?", $"the file is not a readable zip ({e.Message})"); }

        var problems = new List<string>();
        var notes = new List<string>();
        var named = files.ToDictionary(f => f.Key[(folder.Length + 1)..], f => f.Value, StringComparer.Ordinal);
        CheckSums(named, problems);
        var events = named.Keys.Where(k => k.StartsWith("events/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var (logged, treeSize) = (0, (long?)null);
        CheckChain(named, events, problems);
        CheckOriginals(named, problems);
        if (named.TryGetValue("log/checkpoint", out var note)) (logged, treeSize) = CheckLog(folder, named, events, Encoding.UTF8.GetString(note), verifierKey, problems, notes);
        else notes.Add("the bundle has no log/checkpoint: it was made before the event was in a checkpoint, or by an Archive without a log");
        return new BundleReport(folder, events.Count, logged, treeSize, problems, notes);
    }

    static BundleReport Broken(string document, string why) => new(document, 0, 0, null, [why], []);

    static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    static void CheckSums(Dictionary<string, byte[]> files, List<string> problems)
    {
        if (!files.TryGetValue("SHA256SUMS", out var sums)) { problems.Add("SHA256SUMS: missing"); return; }
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(sums).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var split = line.IndexOf("  ", StringComparison.Ordinal);
            if (split != 64) { problems.Add($"SHA256SUMS: the line '{line}' is not '<sha256>  <file>'"); continue; }
            var (sum, name) = (line[..split], line[(split + 2)..]);
            listed.Add(name);
            if (!files.TryGetValue(name, out var bytes)) problems.Add($"{name}: listed in SHA256SUMS but not in the bundle");
            else if (Sha256(bytes) != sum) problems.Add($"{name}: its SHA-256 is not the one SHA256SUMS lists (the file or that line was changed)");
        }
        foreach (var name in files.Keys.Where(n => n != "SHA256SUMS" && !listed.Contains(n)))
            problems.Add($"{name}: in the bundle but not in SHA256SUMS");
    }

    static void CheckChain(Dictionary<string, byte[]> files, List<string> events, List<string> problems)
    {
        string? previous = null;
        foreach (var name in events)
        {
            var bytes = files[name];
            JsonElement json;
            try { json = JsonDocument.Parse(bytes).RootElement; }
            catch (JsonException) { problems.Add($"{name}: not JSON"); previous = Sha256(bytes); continue; }
            var link = json.TryGetProperty("previousEventHash", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            if (link != previous) problems.Add($"{name}: links to {link ?? "nothing"}, but the event before it hashes to {previous ?? "nothing"}");
            previous = Sha256(bytes);
            if (json.TryGetProperty("textHash", out var t) && t.GetString() is { } textHash)
            {
                var reading = $"readings/{name["events/".Length..].Split('-')[0]}.txt";
                if (!files.TryGetValue(reading, out var read)) problems.Add($"{reading}: missing");
                else if (Sha256(read) != textHash) problems.Add($"{reading}: its SHA-256 is not the textHash {textHash} of {name}");
            }
            if (json.TryGetProperty("revision", out var r) && r.TryGetInt32(out var revision)
                && json.TryGetProperty("contentHash", out var c) && c.GetString() is { } contentHash)
            {
                var text = $"revisions/{revision:D4}/text.txt";
                if (!files.TryGetValue(text, out var body)) problems.Add($"{text}: missing");
                else if (Sha256(body) != contentHash && !json.TryGetProperty("textNotCaptured", out _))
                    problems.Add($"{text}: its SHA-256 is not the contentHash {contentHash} of {name}");
            }
        }
    }

    /// <summary>Each original is named by its SHA-256, which its revisions' events name as their source's: the name is the check.</summary>
    static void CheckOriginals(Dictionary<string, byte[]> files, List<string> problems)
    {
        foreach (var (name, bytes) in files.Where(f => f.Key.StartsWith("originals/", StringComparison.Ordinal)))
            if (Sha256(bytes) != name["originals/".Length..]) problems.Add($"{name}: its SHA-256 is not its name (the original was changed)");
    }

    static (int Logged, long? TreeSize) CheckLog(string document, Dictionary<string, byte[]> files, List<string> events, string note, string verifierKey,
        List<string> problems, List<string> notes)
    {
        if (NoteKeys.Open(note, verifierKey, out var why) is not { } text || Checkpoint.Parse(text) is not { } checkpoint)
        {
            problems.Add($"log/checkpoint: {why ?? "not a checkpoint (origin, size, root hash)"}");
            return (0, null);
        }
        var logged = 0;
        foreach (var name in events)
        {
            var version = name["events/".Length..].Split('-')[0];
            var recordName = $"log/{version}.record";
            if (!files.TryGetValue(recordName, out var bytes)) { notes.Add($"{name}: not yet in the checkpoint's tree of {checkpoint.Size} leaves"); continue; }
            var record = LogRecord.Parse(bytes);
            if (record is null) { problems.Add($"{recordName}: not a log record"); continue; }
            if (record.Stream != document || record.Version != long.Parse(version))
                problems.Add($"{recordName}: is the record of {record.Stream} event {record.Version}, not of {name}");
            if (record.EventSha256 != Sha256(files[name])) problems.Add($"{recordName}: names event hash {record.EventSha256}, but {name} hashes to {Sha256(files[name])}");
            var proofName = $"log/{version}.proof";
            if (!files.TryGetValue(proofName, out var proofBytes) || ReadProof(proofBytes) is not var (index, proof))
            {
                problems.Add($"{proofName}: missing or not a leaf index and base64 hashes");
                continue;
            }
            if (!MerkleTree.VerifyInclusion(index, checkpoint.Size, record.LeafHash, proof, checkpoint.Root))
                problems.Add($"{proofName}: does not prove {recordName} to be leaf {index} of the checkpoint's tree of {checkpoint.Size}");
            else logged++;
        }
        return (logged, checkpoint.Size);
    }

    static (long Index, List<byte[]> Proof)? ReadProof(byte[] bytes)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || !long.TryParse(lines[0], out var index)) return null;
        try { return (index, lines.Skip(1).Select(Convert.FromBase64String).ToList()); }
        catch (FormatException) { return null; }
    }
}
