namespace Archive.Content.Search;

/// <summary>
/// Cuts a text into slices for the search index, at paragraph (else line, else word) boundaries.
/// PostgreSQL holds at most 1 MB in one tsvector and reads a whole value to build a snippet:
/// slices keep every text searchable, however long, and snippets cheap.
/// </summary>
public static class TextSlices
{
    public const int MaxLength = 16_000;

    public static IReadOnlyList<string> Of(string text, int maxLength = MaxLength)
    {
        var slices = new List<string>();
        var start = 0;
        while (text.Length - start > maxLength)
        {
            var window = text.AsSpan(start, maxLength);
            var cut = Cut(window, "\n\n") ?? Cut(window, "\n") ?? Cut(window, " ") ?? maxLength;
            slices.Add(text.Substring(start, cut));
            start += cut;
        }
        if (start < text.Length || slices.Count == 0) slices.Add(text[start..]);
        return slices;
    }

    /// <summary>Just after the last separator in the second half of the window, so that no slice is tiny.</summary>
    static int? Cut(ReadOnlySpan<char> window, string separator)
    {
        var at = window.LastIndexOf(separator);
        return at >= window.Length / 2 ? at + separator.Length : null;
    }
}
