using System.Text;
using System.Xml;
using Archive.Content.OpenTk;
using DocumentFormat.OpenXml.Packaging;

namespace Archive.Content.OpenData;

/// <summary>
/// The text of a .docx in reading order: paragraphs (a blank line between them, as OpenTK shows
/// them), the paragraphs of table cells as paragraphs of their own (row by row, cell by cell, nested
/// tables in place), footnote references as their number,
/// and the footnotes themselves at the end, numbered; never more than one blank line in a row.
/// Normalised like every text in the Archive. The SDK opens the package and finds its parts; the
/// parts themselves are read with a plain XmlReader (DTDs prohibited), which is more than ten
/// times faster than the SDK's element tree on the portal's files and makes the same text.
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
            if (document.MainDocumentPart is not { } main) return ParseResult<string>.Fail("the .docx has no document body");
            var text = new StringBuilder();
            var notes = new List<string>();
            using (var reader = XmlReader.Create(main.GetStream(), Settings))
                if (!Body(reader, text, notes)) return ParseResult<string>.Fail("the .docx has no document body");
            Footnotes(main.FootnotesPart, notes, text);
            return ParseResult<string>.Ok(ParagraphWriter.Compact(text.ToString()));
        }
        // What System.IO.Packaging and the SDK raise for a package that lies about itself: a part its
        // relationships name but it does not hold (InvalidOperationException), a malformed part name.
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or XmlException
                                      or InvalidOperationException or ArgumentException or FormatException)
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

    const string Wml = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const string Mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };

    /// <summary>
    /// Moties keep their clauses in table cells, one Word paragraph each: a paragraph is one of the
    /// text wherever it stands among the body's blocks (tables, rows, cells, content controls), row
    /// by row and cell by cell; empty ones vanish with the other empty paragraphs.
    /// </summary>
    static readonly HashSet<string> Containers = ["body", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml"];

    /// <summary>Writes the body's paragraphs; false when there is no body.</summary>
    static bool Body(XmlReader reader, StringBuilder text, List<string> notes)
    {
        if (!reader.ReadToFollowing("body", Wml)) return false;
        if (reader.IsEmptyElement) return true;
        Blocks(reader, text, notes);
        return true;
    }

    /// <summary>The children of a container element, the reader on its start tag; ends on its end tag.</summary>
    static void Blocks(XmlReader reader, StringBuilder text, List<string> notes)
    {
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
            if (reader.NamespaceURI == Wml && reader.LocalName == "p") { text.Append(Inline(reader, notes)).Append("\n\n"); continue; }
            if (reader.NamespaceURI == Wml && Containers.Contains(reader.LocalName) && !reader.IsEmptyElement) { Blocks(reader, text, notes); reader.Read(); continue; }
            reader.Skip();
        }
    }

    /// <summary>The text of the paragraph the reader is on (text boxes in it included, the fallback copy of alternate content not); the reader ends past it.</summary>
    static string Inline(XmlReader reader, List<string> notes)
    {
        var text = new StringBuilder();
        var depth = reader.Depth;
        if (reader.IsEmptyElement) { reader.Read(); return ""; }
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
            var (ns, name) = (reader.NamespaceURI, reader.LocalName);
            // Properties hold no text (and w:tabs holds tab stops, not tabs); a fallback repeats its choice.
            if ((ns == Mc && name == "Fallback") || (ns == Wml && name is "pPr" or "rPr")) { reader.Skip(); continue; }
            if (ns == Wml && name == "t") { text.Append(reader.ReadElementContentAsString()); continue; }
            if (ns == Wml) Mark(reader, name, text, notes);
            reader.Read();
        }
        reader.Read();
        return text.ToString();
    }

    static void Mark(XmlReader reader, string name, StringBuilder text, List<string> notes)
    {
        switch (name)
        {
            case "tab": text.Append('\t'); break;
            case "br" or "cr": text.Append('\n'); break;
            case "footnoteReference" when reader.GetAttribute("id", Wml) is { } id: text.Append(id); notes.Add(id); break;
        }
    }

    static void Footnotes(FootnotesPart? part, List<string> referenced, StringBuilder text)
    {
        if (part is null || referenced.Count == 0) return;
        var byId = new Dictionary<string, string>();
        using (var reader = XmlReader.Create(part.GetStream(), Settings))
            while (reader.ReadToFollowing("footnote", Wml))
                if (reader.GetAttribute("id", Wml) is { } id) byId[id] = Note(reader);
        foreach (var id in referenced)
            if (byId.TryGetValue(id, out var note))
                text.Append($"{id}. {note}\n");
    }

    /// <summary>A footnote's paragraphs, each trimmed, joined by a space.</summary>
    static string Note(XmlReader reader)
    {
        var paragraphs = new List<string>();
        var depth = reader.Depth;
        if (reader.IsEmptyElement) return "";
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
            if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == Wml && reader.LocalName == "p") paragraphs.Add(Inline(reader, []).Trim());
            else reader.Read();
        return string.Join(" ", paragraphs);
    }
}
