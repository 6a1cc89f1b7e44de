using AngleSharp.Dom;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Archive.Content.OpenTk;

namespace Archive.Content.OpenData;

/// <summary>
/// The text of an HTML page, parsed by AngleSharp as a browser would (its charset from a BOM or a
/// &lt;meta&gt;, entities decoded) but with no script run and nothing fetched: each block (p, div, li,
/// h1-h6, td, th, …) a paragraph, as is each line that a &lt;br&gt; or a line of a &lt;pre&gt; ends;
/// a table row by row, cell by cell; the head, scripts and styles left out. Normalised.
/// </summary>
public static partial class HtmlText
{
    static readonly HashSet<string> Ignored = ["head", "script", "style", "template"];

    static readonly HashSet<string> Blocks =
    [
        "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul", "body", "html",
    ];

    public static ParseResult<string> Extract(Stream html)
    {
        using var buffer = new MemoryStream();
        html.CopyTo(buffer);
        // Once decoded, a <meta> has nothing left to say, and AngleSharp reads a long content attribute in cubic time.
        var text = Meta().Replace(Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), "");
        var document = new HtmlParser().ParseDocument(text);
        return ParseResult<string>.Ok(Walk(document.DocumentElement));
    }

    /// <summary>
    /// The bytes as text, in the encoding a BOM names, else the one a charset in the first 1,024
    /// bytes names (as the HTML standard's prescan looks), else UTF-8 when the bytes are valid
    /// UTF-8, else windows-1252, the standard's default for Dutch.
    /// </summary>
    static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8)) return Encoding.UTF8.GetString(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 1024)]);
        var named = Charset().Match(head) is { Success: true } match ? Named(match.Groups[1].Value) : null;
        return (named ?? (System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8 : Windows1252)).GetString(bytes);
    }

    static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>An encoding by its label; latin1 and ASCII labels mean windows-1252, as the HTML standard says.</summary>
    static Encoding? Named(string label)
    {
        if (label.ToLowerInvariant() is "iso-8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "windows-1252" or "cp1252") return Windows1252;
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(label) ?? Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;   // a label no encoding has: the bytes decide
        }
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9_.:-]{1,40})", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Charset();

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Meta();

    /// <summary>Without recursion: a page may nest its elements deeper than a thread's stack reaches.</summary>
    static string Walk(IElement root)
    {
        var writer = new ParagraphWriter(collapseSpaces: true);
        var pending = new Stack<(INode Node, bool Leaving)>([(root, false)]);
        var inPre = 0;
        while (pending.TryPop(out var step))
        {
            if (step.Leaving)
            {
                if (step.Node is IElement { LocalName: "pre" }) inPre--;
                writer.Break();
                continue;
            }
            switch (step.Node)
            {
                case IText text when inPre > 0: Lines(text.Data, writer); break;
                case IText text: writer.Append(text.Data); break;
                case IElement { LocalName: "br" }: writer.Break(); break;
                case IElement element when !Ignored.Contains(element.LocalName): inPre += Enter(element, pending, writer); break;
            }
        }
        return writer.Text();
    }

    /// <summary>Schedules the element's children, and its end if it is a block; 1 for a &lt;pre&gt;.</summary>
    static int Enter(IElement element, Stack<(INode Node, bool Leaving)> pending, ParagraphWriter writer)
    {
        if (Blocks.Contains(element.LocalName))
        {
            writer.Break();
            pending.Push((element, true));
        }
        for (var k = element.ChildNodes.Length - 1; k >= 0; k--) pending.Push((element.ChildNodes[k], false));
        return element.LocalName == "pre" ? 1 : 0;
    }

    static void Lines(string text, ParagraphWriter writer)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var k = 0; k < lines.Length; k++)
        {
            if (k > 0) writer.Break();
            writer.AppendVerbatim(lines[k]);
        }
    }
}
