using System.Text.Json;
using Archive.Content.Text;

namespace Archive.Api.Documents;

/// <summary>
/// The hash that links revision events into a chain: SHA-256 of the event's canonical JSON
/// (web defaults, properties in declaration order). Anyone holding the events can recompute it.
/// </summary>
public static class RevisionChain
{
    static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web);

    public static string Hash(RevisionImported revision) =>
        NormalisedText.Sha256(JsonSerializer.Serialize(revision, Canonical));
}
