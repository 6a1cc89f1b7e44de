using System.Text;
using Archive.Content.OpenTk;
using Archive.Content.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Archive.Content.OpenData;

/// <summary>The text of a PDF, page by page in content order (PdfPig), a blank line between pages; normalised.</summary>
public static class PdfText
{
    public static ParseResult<string> Extract(Stream pdf)
    {
        try
        {
            using var buffer = new MemoryStream();
            pdf.CopyTo(buffer);
            using var document = PdfDocument.Open(buffer.ToArray());
            var text = new StringBuilder();
            foreach (var page in document.GetPages())
                text.Append(ContentOrderTextExtractor.GetText(page)).Append("\n\n");
            return ParseResult<string>.Ok(NormalisedText.Normalise(text.ToString()));
        }
        catch (Exception e) when (e is not OutOfMemoryException and not StackOverflowException)
        {
            // PdfPig reports damaged files with exceptions of its own several kinds.
            return ParseResult<string>.Fail($"the file is not a readable PDF ({e.Message})");
        }
    }
}
