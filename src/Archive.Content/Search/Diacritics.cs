using System.Text;

namespace Archive.Content.Search;

/// <summary>
/// Accents folded away, so that "financiele" finds "financiële" and "cooperatie" finds "coöperatie":
/// the text decomposed (NFD) and its combining marks (U+0300–U+036F) dropped. A text in NFC (as the
/// Archive keeps them) keeps its length, so a place in the folded text is the same place in the
/// original. The same in SQL is <c>regexp_replace(normalize(t, NFD), '[\u0300-\u036f]', '', 'g')</c>:
/// stock PostgreSQL, no extension, and twice as fast as a translate() table.
/// </summary>
public static class Diacritics
{
    public static string Fold(string text)
    {
        if (text.All(char.IsAscii)) return text;
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (c is < '\u0300' or > '\u036f') folded.Append(c);
        var result = folded.ToString();
        return result == text ? text : result;
    }

    /// <summary>The same folding as SQL around an expression.</summary>
    public static string Sql(string expression) => $"regexp_replace(normalize({expression}, NFD), '[\\u0300-\\u036f]', '', 'g')";
}

/// <summary>An excerpt made from a folded text (PostgreSQL's headline), given back its accents from the original.</summary>
public static class FoldedExcerpt
{
    /// <summary>
    /// Each fragment of <paramref name="excerpt"/> (separated by <paramref name="delimiter"/>, its
    /// matches between <paramref name="start"/> and <paramref name="stop"/>) is found in the folded
    /// original and written again from the original, marks kept. A fragment not found (the text has
    /// the delimiter itself, say) leaves the excerpt as it was: folded, still readable.
    /// </summary>
    public static string Restore(string original, string excerpt, char start, char stop, string delimiter)
    {
        var folded = Diacritics.Fold(original);
        if (ReferenceEquals(folded, original)) return excerpt;
        var fragments = excerpt.Split(delimiter);
        for (var f = 0; f < fragments.Length; f++)
        {
            var plain = fragments[f].Replace(start.ToString(), "").Replace(stop.ToString(), "");
            var at = folded.IndexOf(plain, StringComparison.Ordinal);
            if (at < 0) return excerpt;
            var restored = new System.Text.StringBuilder(fragments[f].Length);
            foreach (var c in fragments[f])
                restored.Append(c == start || c == stop ? c : original[at++]);
            fragments[f] = restored.ToString();
        }
        return string.Join(delimiter, fragments);
    }
}
