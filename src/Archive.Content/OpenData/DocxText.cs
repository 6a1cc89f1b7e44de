using System.Text;
using Archive.Content.OpenTk;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Archive.Content.OpenData;

/// <summary>
/// The text of a .docx in reading order: paragraphs (a blank line between them, as OpenTK shows
/// them), the paragraphs of table cells as paragraphs of their own (row by row, cell by cell, nested
/// tables in place), footnote references as their number,
/// and the footnotes themselves at the end, numbered; never more than one blank line in a row.
/// Normalised like every text in the Archive.
/// </summary>
public static class DocxText
{
    /// <summary>Past this much unpacked, or this ratio of unpacked to packed, a .docx is taken for a zip bomb.</summary>
    public const long MaxUnpackedBytes = 200L * 1024 * 1024;
    const double MaxRatio = 200;

    public static ParseResult<string> Extract(Stream docx)
    {
        try
        {
            using var buffer = new MemoryStream();
            docx.CopyTo(buffer);
            if (Bomb(buffer) is { } why) return ParseResult<string>.Fail($"the file was refused: {why}");
            buffer.Position = 0;
            using var document = WordprocessingDocument.Open(buffer, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null) return ParseResult<string>.Fail("the .docx has no document body");
            var text = new StringBuilder();
            var notes = new List<string>();
            foreach (var block in body.ChildElements) Block(block, text, notes);
            Footnotes(document.MainDocumentPart!.FootnotesPart, notes, text);
            return ParseResult<string>.Ok(ParagraphWriter.Compact(text.ToString()));
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            return ParseResult<string>.Fail($"the file is not a readable .docx ({e.Message})");
        }
    }

    /// <summary>Reads the sizes the zip declares, without unpacking anything.</summary>
    static string? Bomb(MemoryStream file)
    {
        file.Position = 0;
        using var zip = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        var unpacked = zip.Entries.Sum(e => e.Length);
        var packed = Math.Max(1, zip.Entries.Sum(e => e.CompressedLength));
        if (unpacked > MaxUnpackedBytes) return $"it would unpack to {unpacked:N0} bytes, over the limit of {MaxUnpackedBytes:N0} (a zip bomb?)";
        if (unpacked > 10 * 1024 * 1024 && unpacked / (double)packed > MaxRatio)
            return $"it packs {unpacked:N0} bytes into {packed:N0}, a ratio no office document has (a zip bomb?)";
        return null;
    }

    static void Block(OpenXmlElement block, StringBuilder text, List<string> notes)
    {
        switch (block)
        {
            case W.Paragraph paragraph:
                text.Append(Inline(paragraph, notes)).Append("\n\n");
                break;
            // Moties keep their clauses in table cells, one Word paragraph each: a cell's paragraphs are
            // paragraphs of the text, row by row and cell by cell; empty ones vanish with the other empty paragraphs.
            case W.Table or W.TableRow or W.TableCell or W.SdtBlock or W.SdtContentBlock
                or W.SdtRow or W.SdtContentRow or W.SdtCell or W.SdtContentCell
                or W.CustomXmlBlock or W.CustomXmlRow or W.CustomXmlCell:
                foreach (var inner in block.ChildElements) Block(inner, text, notes);
                break;
        }
    }

    static string Inline(OpenXmlElement paragraph, List<string> notes)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
            switch (element)
            {
                case W.Text t: text.Append(t.Text); break;
                case W.TabChar: text.Append('\t'); break;
                case W.Break or W.CarriageReturn: text.Append('\n'); break;
                case W.FootnoteReference reference: text.Append(reference.Id?.Value.ToString() ?? ""); notes.Add(reference.Id?.Value.ToString() ?? ""); break;
            }
        return text.ToString();
    }

    static void Footnotes(FootnotesPart? part, List<string> referenced, StringBuilder text)
    {
        if (part?.Footnotes is null || referenced.Count == 0) return;
        var byId = part.Footnotes.Elements<W.Footnote>().Where(f => f.Id is not null).ToDictionary(f => f.Id!.Value.ToString());
        foreach (var id in referenced)
            if (byId.TryGetValue(id, out var note))
                text.Append($"{id}. {string.Join(" ", note.Elements<W.Paragraph>().Select(p => Inline(p, [])).Select(s => s.Trim()))}\n");
    }
}
