namespace Archive.Content.Search;

/// <summary>
/// Letters with accents folded to their plain letter, so that "financiele" finds "financiële" and
/// "cooperatie" finds "coöperatie". One character for one (texts are NFC), so a folded text has
/// the same length as the original and a place in one is the same place in the other. The same
/// table is PostgreSQL's <c>translate(text, Accented, Plain)</c>: no extension needed.
/// </summary>
public static class Diacritics
{
    public const string Accented = "áàâäãåéèêëíìîïóòôöõúùûüýÿçñÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÝÇÑ";
    public const string Plain = "aaaaaaeeeeiiiiooooouuuuyycnAAAAAAEEEEIIIIOOOOOUUUUYCN";

    public static string Fold(string text)
    {
        if (text.AsSpan().IndexOfAny(Accented) < 0) return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = Accented.IndexOf(source[i]) is var at and >= 0 ? Plain[at] : source[i];
        });
    }

    /// <summary>The same folding as SQL around an expression.</summary>
    public static string Sql(string expression) => $"translate({expression}, '{Accented}', '{Plain}')";
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
