using Archive.Api.Documents;
using Archive.Api.Documents.TimeTravel;
using Marten;

namespace Archive.Api.Originals;

/// <summary>
/// The original of one revision: the file its provenance names by SHA-256, as kept, or why there is
/// none (no file was captured, it was refused unread, or it was captured before the Archive kept originals).
/// </summary>
public sealed record RevisionOriginal(string Number, int Revision, int SourceVersion, Provenance Provenance, KeptOriginal? Kept, string? Missing)
{
    public string ContentType => Provenance.ContentType ?? "application/octet-stream";

    /// <summary>What a download is called: the document, its source version and the file's own extension ("2025D16323-v3.pdf").</summary>
    public string FileName => $"{Number}-v{SourceVersion}.{Extension}";

    /// <summary>The file's extension by the type it was served as ("pdf"), else by its own name, else "bin".</summary>
    public string Extension => ExtensionOf(Provenance.ContentType, Provenance.SourceName);

    public string Url => $"/api/documents/{Number}/revisions/{Revision}/original";

    public static RevisionOriginal Of(RevisionRecord record, KeptOriginal? kept) =>
        new(record.DocumentNumber, record.Revision, record.SourceVersion, record.Provenance, kept, kept is null ? WhyMissing(record.Provenance, record.TextNotCaptured, record.RecordedAt) : null);

    /// <summary>The originals of these revisions, with one query for the index.</summary>
    public static async Task<IReadOnlyList<RevisionOriginal>> OfAsync(IQuerySession session, IReadOnlyList<RevisionRecord> records, CancellationToken ct)
    {
        var kept = await OriginalFiles.FindManyAsync(session, records.Select(r => r.Provenance.SourceSha256).OfType<string>().Distinct().ToArray(), ct);
        return records.Select(r => Of(r, r.Provenance.SourceSha256 is { } sha ? kept.GetValueOrDefault(sha) : null)).ToList();
    }

    /// <summary>Why a revision has no original: no file was captured, it was refused unread, or it was captured before originals were kept.</summary>
    public static string WhyMissing(Provenance provenance, string? textNotCaptured, DateTimeOffset recordedAt) => (provenance.SourceSha256, textNotCaptured) switch
    {
        (null, { } why) => $"No file was captured for this revision: {why}.",
        (null, null) => "No file was captured for this revision.",
        (_, { } why) when why.Contains(RefusedUnread, StringComparison.Ordinal) => $"The file was refused before it was read, and not kept: {why}.",
        _ => $"The file (SHA-256 {provenance.SourceSha256}) was captured on {recordedAt:yyyy-MM-dd}, before the Archive kept originals; "
            + "`scripts/archive originals recover` fetches it again if the portal still serves that very file.",
    };

    /// <summary>What the gap of a file refused before reading says (and so its revision's reason for having no text).</summary>
    public const string RefusedUnread = "the file was refused unread and is not kept";

    static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = "pdf",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = "docx",
        ["application/msword"] = "doc",
        ["text/html"] = "html",
        ["text/plain"] = "txt",
        ["application/xml"] = "xml",
        ["text/xml"] = "xml",
    };

    static string ExtensionOf(string? contentType, string? sourceName) =>
        contentType?.Split(';')[0].Trim() is { } type && Extensions.TryGetValue(type, out var known) ? known
        : Path.GetExtension(sourceName ?? "") is { Length: > 1 and <= 6 } own && own[1..].All(char.IsAsciiLetterOrDigit) ? own[1..].ToLowerInvariant()
        : "bin";
}

/// <summary>A file's size as a Dutch reader expects it: "812 bytes", "21 kB", "1,2 MB".</summary>
public static class OriginalSize
{
    static readonly System.Globalization.CultureInfo Dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

    public static string Text(long bytes) => bytes switch
    {
        < 1000 => $"{bytes} bytes",
        < 1_000_000 => $"{Math.Round(bytes / 1000.0).ToString("N0", Dutch)} kB",
        _ => $"{(bytes / 1_000_000.0).ToString("N1", Dutch)} MB",
    };
}
