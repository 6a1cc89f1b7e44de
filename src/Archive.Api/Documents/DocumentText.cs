using Marten;

namespace Archive.Api.Documents;

/// <summary>A normalised body, stored once under its SHA-256 and never changed (DESIGN decision 4).</summary>
public sealed record DocumentText(string Id, string Text)
{
    /// <summary>The text to store, or null when the Archive has it: asked without reading it back (texts are large, and most revisions share one).</summary>
    public static async Task<DocumentText?> UnlessKeptAsync(IQuerySession session, string hash, string text, CancellationToken ct) =>
        await session.Query<DocumentText>().AnyAsync(t => t.Id == hash, ct) ? null : new DocumentText(hash, text);
}
