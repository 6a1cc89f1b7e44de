using System.Globalization;
using System.Text;

namespace Archive.Content.Transparency;

/// <summary>
/// A leaf of the transparency log: one event of the store, written as nine lines of UTF-8 that
/// anyone can read and recompute. The leaf hash is SHA-256(0x00 ‖ these bytes).
/// <code>
/// archive-log-record/v1
/// sequence 1234              the event's place in the store (Marten's global sequence)
/// stream 2026D04632          the document's number
/// version 3                  the event's place in its stream
/// type revision_imported     the event's type (revision_imported, document_withdrawn, document_restored)
/// source-updated-at 2026-02-03T10:00:00.0000000+00:00   the source's clock, UTC, round-trip format
/// recorded-at 2026-02-03T10:00:01.2345678+00:00         the Archive's clock
/// event-sha256 9f86…         SHA-256 of the event's canonical JSON (the file of that name in history.zip)
/// text-sha256 2c26…          SHA-256 of the normalised text the event names, or "-" when it names none
/// </code>
/// </summary>
public sealed record LogRecord(
    long Sequence,
    string Stream,
    long Version,
    string Type,
    DateTimeOffset SourceUpdatedAt,
    DateTimeOffset RecordedAt,
    string EventSha256,
    string? TextSha256)
{
    public const string Header = "archive-log-record/v1";

    public byte[] Bytes => Encoding.UTF8.GetBytes(Text);

    public string Text => string.Create(CultureInfo.InvariantCulture,
        $"{Header}\nsequence {Sequence}\nstream {Stream}\nversion {Version}\ntype {Type}\n" +
        $"source-updated-at {SourceUpdatedAt.ToUniversalTime():O}\nrecorded-at {RecordedAt.ToUniversalTime():O}\n" +
        $"event-sha256 {EventSha256}\ntext-sha256 {TextSha256 ?? "-"}\n");

    public byte[] LeafHash => MerkleTree.LeafHash(Bytes);

    /// <summary>Reads the bytes <see cref="Bytes"/> writes; null when they are not a record of this form, exactly.</summary>
    public static LogRecord? Parse(ReadOnlySpan<byte> bytes)
    {
        string text;
        try { text = new UTF8Encoding(false, true).GetString(bytes); } catch (DecoderFallbackException) { return null; }
        var lines = text.Split('\n');
        if (lines.Length != 10 || lines[0] != Header || lines[9] != "") return null;
        var values = new Dictionary<string, string>();
        string[] names = ["sequence", "stream", "version", "type", "source-updated-at", "recorded-at", "event-sha256", "text-sha256"];
        for (var i = 0; i < names.Length; i++)
        {
            if (!lines[i + 1].StartsWith(names[i] + " ", StringComparison.Ordinal)) return null;
            values[names[i]] = lines[i + 1][(names[i].Length + 1)..];
        }
        if (!long.TryParse(values["sequence"], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || !long.TryParse(values["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || !DateTimeOffset.TryParseExact(values["source-updated-at"], "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var source)
            || !DateTimeOffset.TryParseExact(values["recorded-at"], "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var recorded))
            return null;
        var record = new LogRecord(sequence, values["stream"], version, values["type"], source, recorded, values["event-sha256"],
            values["text-sha256"] == "-" ? null : values["text-sha256"]);
        return record.Bytes.AsSpan().SequenceEqual(bytes) ? record : null;
    }
}
