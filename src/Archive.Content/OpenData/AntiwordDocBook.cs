using System.Xml;
using System.Xml.Linq;

namespace Archive.Content.OpenData;

/// <summary>
/// The paragraphs of what antiword prints as DocBook (<c>antiword -x db</c>): each &lt;para&gt; and
/// heading a paragraph, and in a table, row by row and cell by cell, each line of an &lt;entry&gt;
/// (antiword puts a cell's paragraphs on lines of their own). Footnote references, an empty
/// &lt;footnote/&gt; in a paragraph or a ^B in a cell, become their number, counted from 1 in order:
/// the same numbers antiword's text output gives the footnotes themselves.
/// </summary>
sealed class AntiwordDocBook
{
    static readonly HashSet<string> Inline = ["emphasis", "superscript", "subscript"];
    const char NoteMark = '\u0002';

    readonly ParagraphWriter _writer = new(collapseSpaces: false);
    int _notes;

    /// <summary>The text, and how many footnotes it refers to; null for output that is not XML.</summary>
    public static (string Text, int Footnotes)? Read(string docBook)
    {
        // The DOCTYPE names DocBook's DTD on the web: it is never fetched. A cell may hold a raw ^B.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, CheckCharacters = false };
        try
        {
            using var reader = XmlReader.Create(new StringReader(docBook), settings);
            var book = XDocument.Load(reader).Root!;
            var walk = new AntiwordDocBook();
            walk.Walk(book);
            return (walk._writer.Text(), walk._notes);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    void Walk(XElement element)
    {
        foreach (var node in element.Nodes())
            switch (node)
            {
                case XText text: Append(text.Value); break;
                case XElement { Name.LocalName: "footnote" }: _writer.Append((++_notes).ToString()); break;
                // The book's title and bookinfo are the file's properties, not its text.
                case XElement { Name.LocalName: "bookinfo" } or XElement { Name.LocalName: "title", Parent.Name.LocalName: "book" }: break;
                case XElement inline when Inline.Contains(inline.Name.LocalName): Walk(inline); break;
                case XElement block: _writer.Break(); Walk(block); _writer.Break(); break;
            }
    }

    /// <summary>antiword wraps nothing in DocBook: a line break in its text is a paragraph break.</summary>
    void Append(string text)
    {
        foreach (var c in text)
            if (c == '\n') _writer.Break();
            else if (c == NoteMark) _writer.Append((++_notes).ToString());
            else if (c >= ' ' || c == '\t') _writer.Append(c);
    }
}
