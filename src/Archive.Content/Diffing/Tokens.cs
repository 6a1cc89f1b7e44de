using System.Globalization;

namespace Archive.Content.Diffing;

/// <summary>How texts are cut up for comparison. Every cut keeps every character, so pieces rejoin to the text.</summary>
public static class Tokens
{
    /// <summary>Lines with their line ending ("\n"); the last one has none if the text does not end with one.</summary>
    public static string[] Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', start))
        {
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines.ToArray();
    }

    /// <summary>
    /// Words (letters, marks and digits), runs of whitespace, and single other characters. With a
    /// <paramref name="pool"/>, a piece met before is that same string again, not a new copy.
    /// </summary>
    public static string[] Words(string text, Dictionary<string, string>? pool = null)
    {
        var pieces = new List<string>(text.Length / 4 + 1);
        var known = pool?.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < text.Length;)
        {
            var end = i + 1;
            if (IsWordChar(text[i])) while (end < text.Length && IsWordChar(text[end])) end++;
            else if (char.IsWhiteSpace(text[i])) while (end < text.Length && char.IsWhiteSpace(text[end])) end++;
            else if (char.IsHighSurrogate(text[i]) && end < text.Length) end++;
            pieces.Add(known is { } lookup ? Pooled(lookup, text.AsSpan(i, end - i)) : text[i..end]);
            i = end;
        }
        return pieces.ToArray();
    }

    /// <summary>A pool for <see cref="Words"/>: one per thread, as it is not safe to share.</summary>
    public static Dictionary<string, string> NewPool() => new(StringComparer.Ordinal);

    static string Pooled(Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> pool, ReadOnlySpan<char> piece)
    {
        if (pool.TryGetValue(piece, out var known)) return known;
        var text = piece.ToString();
        pool[piece] = text;
        return text;
    }

    public static string[] Characters(string text)
    {
        var pieces = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext()) pieces.Add(e.GetTextElement());
        return pieces.ToArray();
    }

    public static string[] For(Granularity granularity, string text, Dictionary<string, string>? pool = null) =>
        granularity == Granularity.Char ? Characters(text) : Words(text, pool);

    public static int WordCount(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
            if (IsWordChar(text[i]) && (i == 0 || !IsWordChar(text[i - 1]))) count++;
        return count;
    }

    public static bool IsWordChar(char c) => char.IsAscii(c)
        ? char.IsAsciiLetterOrDigit(c)
        : char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    public static bool IsBlank(string line) => string.IsNullOrWhiteSpace(line);
}
