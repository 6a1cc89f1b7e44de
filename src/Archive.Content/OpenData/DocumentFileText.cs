using Archive.Content.OpenTk;

namespace Archive.Content.OpenData;

/// <summary>The text of a document's file, by its type.</summary>
public static class DocumentFileText
{
    public static bool CanRead(string? contentType) => Kind(contentType) is not null;

    public static ParseResult<string> Extract(byte[] bytes, string? contentType) => Kind(contentType) switch
    {
        "pdf" => PdfText.Extract(new MemoryStream(bytes)),
        "docx" => DocxText.Extract(new MemoryStream(bytes)),
        _ => ParseResult<string>.Fail($"its type '{contentType}' is not one the Archive can read (.pdf, .docx)"),
    };

    static string? Kind(string? type) =>
        type is null ? null
        : type.Contains("pdf", StringComparison.OrdinalIgnoreCase) ? "pdf"
        : type.Contains("wordprocessingml", StringComparison.OrdinalIgnoreCase) ? "docx"
        : null;
}
