using System.Text;
using System.Text.RegularExpressions;
using Archive.Content.Text;

namespace Archive.Content.OpenData;

/// <summary>
/// Collects the paragraphs of a walk through a document: text goes to the paragraph under way, a
/// break ends it. A paragraph of nothing but white space is no paragraph, so empty cells, rows and
/// paragraphs leave nothing. The text: the paragraphs with a blank line between them, normalised.
/// </summary>
sealed partial class ParagraphWriter(bool collapseSpaces)
{
    readonly List<string> _paragraphs = [];
    readonly StringBuilder _current = new();
    bool _verbatim;

    public void Append(string text) => _current.Append(text);

    public void Append(char c) => _current.Append(c);

    /// <summary>Text whose spaces count (an HTML &lt;pre&gt;): its paragraph keeps them.</summary>
    public void AppendVerbatim(string text)
    {
        _verbatim = true;
        _current.Append(text);
    }

    public void Break()
    {
        var paragraph = _current.ToString();
        _current.Clear();
        // HTML's rule: a run of white space is one space; a Word document's spaces are its author's.
        paragraph = collapseSpaces && !_verbatim ? HtmlSpace().Replace(paragraph, " ").Trim() : paragraph.Trim();
        _verbatim = false;
        if (paragraph.Length > 0) _paragraphs.Add(paragraph);
    }

    public string Text()
    {
        Break();
        return NormalisedText.Normalise(string.Join("\n\n", _paragraphs));
    }

    /// <summary>A text normalised, with never more than one blank line in a row (empty paragraphs make space in office suites).</summary>
    public static string Compact(string text)
    {
        var lines = NormalisedText.Normalise(text).Split('\n');
        return string.Join('\n', lines.Where((line, k) => line.Length > 0 || k == 0 || lines[k - 1].Length > 0));
    }

    [GeneratedRegex("[ \t\n\r\f]+")]
    private static partial Regex HtmlSpace();
}
