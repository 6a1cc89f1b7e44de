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

    /// <summary>Words (letters, marks and digits), runs of whitespace, and single other characters.</summary>
    public static string[] Words(string text)
    {
        var pieces = new List<string>(text.Length / 4 + 1);
        for (var i = 0; i < text.Length;)
        {
            var end = WordPieceEnd(text, i, text.Length);
            pieces.Add(text[i..end]);
            i = end;
        }
        return pieces.ToArray();
    }

    /// <summary>Where the piece of <see cref="Words"/> that starts at <paramref name="i"/> ends (exclusive), not past <paramref name="limit"/>.</summary>
    static int WordPieceEnd(string text, int i, int limit)
    {
        var end = i + 1;
        if (IsWordChar(text[i])) while (end < limit && IsWordChar(text[end])) end++;
        else if (char.IsWhiteSpace(text[i])) while (end < limit && char.IsWhiteSpace(text[end])) end++;
        else if (char.IsHighSurrogate(text[i]) && end < limit) end++;
        return end;
    }

    /// <summary>
    /// <paramref name="text"/>[<paramref name="from"/>..<paramref name="to"/>] cut into words as
    /// <see cref="Words"/> cuts it, or into characters as a reader sees them (grapheme clusters),
    /// each piece numbered by <paramref name="numbers"/> instead of copied. With
    /// <paramref name="ignoreWhitespace"/>, every piece of whitespace alone gets one number.
    /// </summary>
    public static NumberedPieces Numbered(Granularity granularity, string text, int from, int to, PieceNumbers numbers, bool ignoreWhitespace = false)
    {
        var starts = new List<int>((to - from) / 4 + 2);
        var pieces = new List<int>((to - from) / 4 + 1);
        for (var i = from; i < to;)
        {
            var end = granularity == Granularity.Char
                ? i + StringInfo.GetNextTextElementLength(text.AsSpan(i, to - i))
                : WordPieceEnd(text, i, to);
            var piece = text.AsSpan(i, end - i);
            starts.Add(i);
            pieces.Add(ignoreWhitespace && piece.IsWhiteSpace() ? PieceNumbers.Whitespace : numbers.Of(piece));
            i = end;
        }
        starts.Add(to);
        return new NumberedPieces(text, starts.ToArray(), pieces.ToArray());
    }

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

/// <summary>Numbers for pieces of text: equal pieces get equal numbers. One per thread, as it is not safe to share.</summary>
public sealed class PieceNumbers(StringComparer? comparer = null)
{
    /// <summary>The number of every piece that is whitespace alone, when whitespace is ignored.</summary>
    public const int Whitespace = -1;

    readonly Dictionary<string, int> _numbers = new(comparer ?? StringComparer.Ordinal);

    /// <summary>How many different pieces have a number: numbers run from 0 to one less.</summary>
    public int Count => _numbers.Count;

    public int Of(ReadOnlySpan<char> piece)
    {
        var lookup = _numbers.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(piece, out var number)) return number;
        number = _numbers.Count;
        lookup[piece] = number;
        return number;
    }

    public int Of(string piece)
    {
        if (_numbers.TryGetValue(piece, out var number)) return number;
        number = _numbers.Count;
        _numbers[piece] = number;
        return number;
    }
}

/// <summary>A text's pieces as numbers, and where each starts: piece <c>k</c> is <c>Source[Starts[k]..Starts[k + 1]]</c>.</summary>
public sealed record NumberedPieces(string Source, int[] Starts, int[] Numbers)
{
    public int Count => Numbers.Length;

    /// <summary>Pieces <paramref name="from"/> to <paramref name="to"/> (exclusive) as the text they are.</summary>
    public string Text(int from, int to) => Source.Substring(Starts[from], Starts[to] - Starts[from]);
}
