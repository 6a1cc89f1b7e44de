using System.Text.Json;
using Archive.Content.Text;

namespace Archive.Api.Documents;

/// <summary>
/// The hash that links the events of a document's stream into a chain: SHA-256 of the event's
/// canonical JSON (web defaults, properties in declaration order), which is also how the evidence
/// bundle writes each event, so `sha256sum` of that file gives the hash. Every event carries the
/// hash of the event before it in the stream.
/// </summary>
public static class RevisionChain
{
    static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web);

    public static byte[] CanonicalJson(object e) => JsonSerializer.SerializeToUtf8Bytes(e, e.GetType(), Canonical);

    public static string Hash(object e) => NormalisedText.Sha256(CanonicalJson(e));

    public static string? PreviousHash(object e) => e switch
    {
        RevisionImported r => r.PreviousEventHash,
        DocumentWithdrawn w => w.PreviousEventHash,
        DocumentRestored r => r.PreviousEventHash,
        TextReread t => t.PreviousEventHash,
        _ => null,
    };
}
