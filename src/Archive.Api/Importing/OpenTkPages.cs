using Archive.Api.Documents;
using Archive.Api.Documents.Recording;
using Archive.Content.OpenTk;
using Wolverine;

namespace Archive.Api.Importing;

/// <summary>OpenTK pages (tkconv's text export of a document) into revisions to record.</summary>
public static class OpenTkPages
{
    public const string ImporterVersion = "archive-opentk-importer/1";

    /// <summary>The page's reader: an OpenTK page is its own original, and its text is read by the page parser.</summary>
    public const string Reader = OpenTkPageParser.ReaderId;

    /// <summary>The type an OpenTK page is kept and served as, whatever a request's part said: it is read as UTF-8 text.</summary>
    public const string OriginalType = "text/plain; charset=utf-8";

    /// <summary>The revision of a page, with the page's bytes as received as its original.</summary>
    public static ImportRevision Command(OpenTkPage page, Provenance provenance, byte[]? original = null) =>
        new(page.Metadata, page.SourceVersion, page.SourceUpdatedAt, page.SourceUpdatedRaw, page.Body, provenance) { Original = original, Reader = Reader };

    /// <summary>Parses the page and records it; a page that cannot be read is rejected with its reason.</summary>
    public static async Task<ImportResult> ImportAsync(IMessageBus bus, string source, string page, byte[] original, Provenance provenance, CancellationToken ct)
    {
        var parsed = OpenTkPageParser.Parse(page);
        if (parsed.Value is not { } value) return ImportResult.Rejected(source, parsed.Error!);
        return await bus.ImportAsync(Command(value, provenance, original), source, ct);
    }
}
