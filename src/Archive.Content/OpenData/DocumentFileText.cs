using System.Text;
using Archive.Content.OpenTk;

namespace Archive.Content.OpenData;

/// <summary>
/// The one way in for the text of a file the portal serves: by its declared content type (the
/// parameters, such as a charset, ignored), or, when it declares none or only
/// application/octet-stream, by its first bytes. A declared type is trusted: a file that is not
/// what it says fails in the reader of that type, whose reason says so.
/// </summary>
public static class DocumentFileText
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Doc = "application/msword";
    public const string Html = "text/html";
    public const string Plain = "text/plain";

    /// <summary>
    /// Each reader by the type it reads, with its name and version: a revision's text is a reading of
    /// its original by one of these (DESIGN decision 14). A reader whose output changes gets the next
    /// version, so that `reread` can tell the readings it would make differently.
    /// </summary>
    static readonly Dictionary<string, FileReader> Readers = new(StringComparer.OrdinalIgnoreCase)
    {
        [Pdf] = new("pdf", 1, bytes => PdfText.Extract(new MemoryStream(bytes))),
        [Docx] = new("docx", 1, bytes => DocxText.Extract(new MemoryStream(bytes))),
        [Doc] = new("doc", 1, bytes => DocText.Extract(new MemoryStream(bytes))),
        [Html] = new("html", 1, bytes => HtmlText.Extract(new MemoryStream(bytes))),
        [Plain] = new("text", 1, PlainText),
    };

    public static ParseResult<string> Extract(byte[] bytes, string? contentType) =>
        ReaderFor(bytes, contentType) is { } reader ? reader.Read(bytes) : ParseResult<string>.Fail(Unreadable(contentType));

    /// <summary>The reader that <see cref="Extract"/> uses for this file, or null when none reads it.</summary>
    public static FileReader? ReaderFor(byte[] bytes, string? contentType)
    {
        var type = MediaType(contentType);
        var read = type is null or "application/octet-stream" ? Sniff(bytes) : type;
        return read is not null && Readers.TryGetValue(read, out var reader) ? reader : null;
    }

    static string Unreadable(string? contentType)
    {
        var sniff = MediaType(contentType) is null or "application/octet-stream";
        return $"its type '{contentType ?? "(none)"}' is not one the Archive can read (.pdf, .docx, .doc, .html, .txt)"
            + (sniff ? ", nor are its first bytes those of one" : "");
    }

    /// <summary>Whether the type is one of those the Archive reads; no type, or application/octet-stream, is not (though <see cref="Extract"/> tries its first bytes).</summary>
    public static bool CanRead(string? contentType) => MediaType(contentType) is { } type && Readers.ContainsKey(type);

    static string? MediaType(string? contentType) =>
        contentType?.Split(';')[0].Trim() is { Length: > 0 } type ? type.ToLowerInvariant() : null;

    static string? Sniff(byte[] bytes) => bytes switch
    {
        [0x25, 0x50, 0x44, 0x46, ..] => Pdf,
        [0x50, 0x4b, 0x03, 0x04, ..] => Docx,
        [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ..] => Doc,
        _ when LooksLikeHtml(bytes) => Html,
        _ => null,
    };

    /// <summary>"&lt;html" or "&lt;!DOCTYPE html" first, after a BOM and white space; in any case.</summary>
    static bool LooksLikeHtml(byte[] bytes)
    {
        var start = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 1024)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return start.StartsWith("<html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Text as UTF-8 (a BOM allowed); bytes that are no UTF-8 are refused rather than read as something else.</summary>
    static ParseResult<string> PlainText(byte[] bytes)
    {
        try
        {
            return ParseResult<string>.Ok(ParagraphWriter.Compact(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes)));
        }
        catch (DecoderFallbackException)
        {
            return ParseResult<string>.Fail("the file is not UTF-8 text");
        }
    }
}

/// <summary>A named, versioned reader of one type of file; <see cref="Id"/> ("pdf/1") is what a revision records as its reading.</summary>
public sealed record FileReader(string Name, int Version, Func<byte[], ParseResult<string>> Read)
{
    public string Id => $"{Name}/{Version}";
}
