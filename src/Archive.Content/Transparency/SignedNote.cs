using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Archive.Content.Transparency;

/// <summary>
/// An Ed25519 key of the C2SP signed-note format (c2sp.org/signed-note), which is also that of Go's
/// golang.org/x/mod/sumdb/note: a key has a name, its id is the first four bytes of
/// SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key), and it is written as
/// <c>name+hhhhhhhh+base64(0x01 ‖ public key)</c> (the verifier key) or
/// <c>PRIVATE+KEY+name+hhhhhhhh+base64(0x01 ‖ seed)</c> (the signer key).
/// </summary>
public sealed class NoteSigner
{
    const byte Ed25519Type = 0x01;
    static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    readonly Key _key;

    NoteSigner(string name, Key key)
    {
        if (!NoteKeys.IsValidName(name)) throw new ArgumentException($"'{name}' cannot name a note key: it must be non-empty, without spaces or '+'", nameof(name));
        Name = name;
        _key = key;
        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        Id = NoteKeys.Id(name, PublicKey);
    }

    public string Name { get; }
    public byte[] PublicKey { get; }
    public uint Id { get; }

    public string VerifierKey => $"{Name}+{Id:x8}+{Convert.ToBase64String([Ed25519Type, .. PublicKey])}";

    public static NoteSigner Generate(string name) =>
        new(name, Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    /// <summary>Reads a signer key as <see cref="ToSignerKey"/> writes it; null when it is not one.</summary>
    public static NoteSigner? Parse(string signerKey)
    {
        var parts = signerKey.Trim().Split('+', 5);
        if (parts is not ["PRIVATE", "KEY", var name, var id, var encoded]) return null;
        try
        {
            var bytes = Convert.FromBase64String(encoded);
            if (bytes is not [Ed25519Type, ..] || bytes.Length != 33) return null;
            var key = Key.Import(Algorithm, bytes.AsSpan(1), KeyBlobFormat.RawPrivateKey,
                new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
            var signer = new NoteSigner(name, key);
            return $"{signer.Id:x8}" == id ? signer : null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException) { return null; }
    }

    public string ToSignerKey() => $"PRIVATE+KEY+{Name}+{Id:x8}+{Convert.ToBase64String([Ed25519Type, .. _key.Export(KeyBlobFormat.RawPrivateKey)])}";

    /// <summary>The note: the text, a blank line, and this key's signature line.</summary>
    public string Sign(string text)
    {
        if (!NoteKeys.IsValidText(text)) throw new ArgumentException("a note's text is non-empty UTF-8 lines, each ending in a newline, without a blank line", nameof(text));
        var signature = Algorithm.Sign(_key, Encoding.UTF8.GetBytes(text));
        var id = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(id, Id);
        return $"{text}\n{NoteKeys.Dash} {Name} {Convert.ToBase64String([.. id, .. signature])}\n";
    }
}

/// <summary>Opens signed notes (<see cref="NoteSigner"/>) with a verifier key.</summary>
public static class NoteKeys
{
    public const string Dash = "\u2014";

    public static bool IsValidName(string name) => name.Length > 0 && !name.Any(c => char.IsWhiteSpace(c) || c == '+' || char.IsControl(c));

    public static bool IsValidText(string text) =>
        text.Length > 0 && text.EndsWith('\n') && !text.Contains("\n\n") && !text.Any(c => char.IsControl(c) && c != '\n');

    public static uint Id(string name, byte[] publicKey) =>
        BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData([.. Encoding.UTF8.GetBytes(name), 0x0A, 0x01, .. publicKey]));

    /// <summary>
    /// The text of <paramref name="note"/> when it carries a valid signature by <paramref name="verifierKey"/>;
    /// otherwise null and why. Signatures by other keys are ignored, as the format says.
    /// </summary>
    public static string? Open(string note, string verifierKey, out string? why)
    {
        why = null;
        if (ParseVerifierKey(verifierKey) is not { } parsed) { why = "the verifier key is not a name+id+key of an Ed25519 key"; return null; }
        var (name, id, publicKey) = parsed;
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !note.EndsWith('\n')) { why = "the note has no signature lines"; return null; }
        var text = note[..(split + 1)];
        foreach (var line in note[(split + 2)..].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            if (parts is not [Dash, var signer, var encoded] || signer != name) continue;
            byte[] bytes;
            try { bytes = Convert.FromBase64String(encoded); } catch (FormatException) { continue; }
            if (bytes.Length != 4 + 64 || BinaryPrimitives.ReadUInt32BigEndian(bytes) != id) continue;
            var key = NSec.Cryptography.PublicKey.Import(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey);
            if (SignatureAlgorithm.Ed25519.Verify(key, Encoding.UTF8.GetBytes(text), bytes.AsSpan(4))) return text;
            why = $"the signature by {name} does not match the note's text";
            return null;
        }
        why ??= $"the note is not signed by {name}+{id:x8}";
        return null;
    }

    public static (string Name, uint Id, byte[] PublicKey)? ParseVerifierKey(string verifierKey)
    {
        var parts = verifierKey.Trim().Split('+', 3);
        if (parts is not [var name, var hex, var encoded] || !IsValidName(name) || hex.Length != 8) return null;
        try
        {
            var bytes = Convert.FromBase64String(encoded);
            if (bytes.Length != 33 || bytes[0] != 0x01) return null;
            var publicKey = bytes[1..];
            var id = Convert.ToUInt32(hex, 16);
            return Id(name, publicKey) == id ? (name, id, publicKey) : null;
        }
        catch (Exception e) when (e is FormatException or OverflowException) { return null; }
    }
}

/// <summary>
/// A C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint): the body of a signed note that names the log
/// (its origin), the number of leaves and the root hash, each on a line of its own.
/// </summary>
public sealed record Checkpoint(string Origin, long Size, byte[] Root)
{
    public string Text => $"{Origin}\n{Size}\n{Convert.ToBase64String(Root)}\n";

    public static Checkpoint? Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 4 || lines[0].Length == 0 || !long.TryParse(lines[1], System.Globalization.NumberStyles.None, null, out var size)) return null;
        try
        {
            var root = Convert.FromBase64String(lines[2]);
            return root.Length == MerkleTree.HashSize ? new Checkpoint(lines[0], size, root) : null;
        }
        catch (FormatException) { return null; }
    }
}
