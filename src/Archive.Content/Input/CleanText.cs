using System.Text;

namespace Archive.Content.Input;

/// <summary>
/// Text as the Archive keeps it: no control characters other than tab and newline (a vertical tab,
/// Word's line break inside a paragraph, a form feed between pages and U+0085 become newlines), no unpaired surrogates and no
/// noncharacters. These are removed, not refused: a real source sometimes has one, and it carries
/// no meaning, while each of them breaks an output (XML, a search snippet, a header).
/// </summary>
public static class CleanText
{
    public static string Clean(string text)
    {
        var first = FirstUnclean(text);
        if (first < 0) return text;
        var builder = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            if (c is '\v' or '\f' or '\u0085') builder.Append('\n');
            else if (Keeps(c)) builder.Append(c);
        }
        return builder.ToString();
    }

    public static bool IsClean(string text) => FirstUnclean(text) < 0;

    static int FirstUnclean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (!Keeps(c)) return i;
        }
        return -1;
    }

    /// <summary>Tab, newline and carriage return (line endings are normalised later) stay; other controls, lone surrogates and U+FFFE/U+FFFF go.</summary>
    static bool Keeps(char c) =>
        c is '\t' or '\n' or '\r' || !(char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF');

}
