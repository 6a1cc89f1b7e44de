using System.Text;
using Archive.Content.OpenTk;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Archive.Content.OpenData;

/// <summary>
/// The text of a PDF, page by page in content order (PdfPig), a blank line between pages and
/// between what PdfPig takes for paragraphs (a gap between lines wider than their spacing); the
/// lines the typesetter broke are kept. Normalised, never more than one blank line in a row.
/// </summary>
public static class PdfText
{
    static readonly ContentOrderTextExtractor.Options Paragraphs = new() { SeparateParagraphsWithDoubleNewline = true };

    public static ParseResult<string> Extract(Stream pdf)
    {
        try
        {
            using var buffer = new MemoryStream();
            pdf.CopyTo(buffer);
            using var document = PdfDocument.Open(buffer.ToArray());
            var text = new StringBuilder();
            foreach (var page in document.GetPages())
                text.Append(ContentOrderTextExtractor.GetText(page, Paragraphs)).Append("\n\n");
            return ParseResult<string>.Ok(ParagraphWriter.Compact(text.ToString()));
        }
        catch (Exception e) when (e is not OutOfMemoryException and not StackOverflowException)
        {
            // PdfPig reports damaged files with exceptions of its own several kinds.
            return ParseResult<string>.Fail($"the file is not a readable PDF ({e.Message})");
        }
    }
}
