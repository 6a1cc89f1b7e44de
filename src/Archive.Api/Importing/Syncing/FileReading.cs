using Archive.Api.Importing.Syncing.Gaps;
using Archive.Content.OpenData;
using Archive.Content.OpenTk;

namespace Archive.Api.Importing.Syncing;

/// <summary>Checks a fetched file against what its entity announced, then reads its text.</summary>
static class FileReading
{
    /// <summary>The text and the reader that made it ("pdf/1"), or the problem; refused before reading when the file is not what was announced or of no type the Archive reads.</summary>
    public static (string? Text, string? Reader, GapProblem? Problem) Read(TkDocument document, string number, Resource resource)
    {
        var name = $"the file of document {number} ({resource.Location})";
        var bytes = resource.Bytes.LongLength;
        GapProblem Problem(string reason, string detail) => new(reason, $"{name} {detail}", resource.Location, resource.ContentType, bytes);
        if (document.ContentLength is { } length && length != bytes)
            return (null, null, Problem(GapReasons.SizeMismatch, $"is {bytes:N0} bytes, but tk:contentLength announced {length:N0} (the portal may have replaced it)"));
        if (document.ContentType is { } announced && Served(resource.ContentType) is { } served && !string.Equals(announced, served, StringComparison.OrdinalIgnoreCase))
            return (null, null, Problem(GapReasons.TypeMismatch, $"is served as {served}, but tk:contentType announced {announced}"));
        var type = document.ContentType ?? Served(resource.ContentType);
        if (type is not null && !DocumentFileText.CanRead(type))
            return (null, null, Problem(GapReasons.UnreadableType, $"is of type {type}, which the Archive cannot read"));
        var result = Extract(resource.Bytes, type);
        var reader = DocumentFileText.ReaderFor(resource.Bytes, type)?.Id;
        return result.Value is { } text ? (text, reader, null) : (null, reader, Problem(GapReasons.UnreadableFile, $"({type ?? "no type"}, {bytes:N0} bytes) could not be read: {result.Error}"));
    }

    /// <summary>
    /// Whether the bytes of a file with this problem are kept as its original: whatever was received and
    /// read is evidence of what the portal served (a size it did not announce, a file no reader could
    /// read), and only a file refused before reading (too large, of a type not announced or not read) is not.
    /// </summary>
    public static bool Keeps(GapProblem? problem) => problem?.Reason is null or GapReasons.SizeMismatch or GapReasons.UnreadableFile;

    /// <summary>A reader that fails in a way it did not foresee fails this one file, never the page (nor the command line with a stack trace).</summary>
    static ParseResult<string> Extract(byte[] bytes, string? type)
    {
        try
        {
            return DocumentFileText.Extract(bytes, type);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ParseResult<string>.Fail($"the reader failed ({e.GetType().Name}: {e.Message})");
        }
    }

    /// <summary>A server that does not know the type says octet-stream: that says nothing against the announced one.</summary>
    static string? Served(string? type) => type is null or "application/octet-stream" ? null : type;
}
