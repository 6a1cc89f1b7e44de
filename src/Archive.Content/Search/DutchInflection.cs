using System.Text;

namespace Archive.Content.Search;

/// <summary>
/// The singular and plural forms of a Dutch noun, so that a search for motie finds moties and
/// brieven finds brief. PostgreSQL's <c>dutch</c> stemmer misses such pairs (motie/moties,
/// brief/brieven, Kamerlid/Kamerleden) and merges others that differ (regel/regeling); the index
/// therefore keeps words as they are (<c>simple</c>) and the query asks for every form.
/// <para>
/// The rules are the spelling rules of Dutch plurals, applied both ways: +s, +'s, +n, +en with
/// doubled or undoubled letters, f→v and s→z, -heid/-heden, -lid/-leden, -um/-a, and a short list
/// of irregular nouns. They over-generate by design: a form that is not a word matches nothing.
/// Where a rule would yield another real word (kans→kan, weten→wet) it is held back. Not covered:
/// diminutives, verb forms, and letters with and without diacritics.
/// </para>
/// </summary>
public static class DutchInflection
{
    const int MinimumLength = 4;
    const string Vowels = "aeiouy";

    /// <summary>Irregular plurals; those marked as suffixes also end compounds (Kamerlid, hoofdstad).</summary>
    static readonly (string Singular, string Plural, bool Suffix)[] Irregular =
    [
        ("lid", "leden", true), ("heid", "heden", true), ("kind", "kinderen", true), ("stad", "steden", true),
        ("schip", "schepen", true), ("man", "mannen", true), ("man", "lieden", true),
        ("ei", "eieren", false), ("blad", "bladeren", false), ("volk", "volkeren", false), ("gebrek", "gebreken", false),
        ("bevel", "bevelen", false), ("verbod", "verboden", false), ("gebod", "geboden", false), ("spel", "spelen", false),
        ("hof", "hoven", true), ("god", "goden", false), ("wet", "wetten", false), ("dag", "dagen", false), ("weg", "wegen", false),
        ("raad", "raden", false), ("plan", "plannen", false), ("stem", "stemmen", false), ("punt", "punten", false),
        ("deel", "delen", false), ("doel", "doelen", false), ("taak", "taken", false), ("brug", "bruggen", false), ("zaak", "zaken", false),
    ];

    public static IReadOnlySet<string> Variants(string word)
    {
        var w = word.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        var forms = new HashSet<string> { w };
        if (w.Length == 0 || w.Any(char.IsDigit)) return forms;
        foreach (var (singular, plural, suffix) in Irregular)
        {
            if (w == singular || suffix && w.EndsWith(singular)) forms.Add(w[..^singular.Length] + plural);
            if (w == plural || suffix && w.EndsWith(plural)) forms.Add(w[..^plural.Length] + singular);
        }
        if (w.Length < MinimumLength) return forms;
        forms.UnionWith(Plurals(w));
        forms.UnionWith(Singulars(w));
        return forms;
    }

    /// <summary>Singular → plural: motie → moties, agenda → agenda's, bijlage → bijlagen, wet → wetten, jaar → jaren, brief → brieven.</summary>
    static IEnumerable<string> Plurals(string w)
    {
        yield return w + "s";
        if (IsVowel(w[^1]) && w[^1] != 'e') yield return w + "'s";
        if (w[^1] == 'e') { yield return w + "n"; if (w.EndsWith("ie") || w.EndsWith("ee")) yield return w + "ën"; yield break; }
        if (w.EndsWith("um")) yield return w[..^2] + "a";
        if (IsVowel(w[^1])) yield break;
        foreach (var last in Voiced(w[^1]))
        {
            var stem = w[..^1];
            yield return stem + last + "en";
            if (stem.Length >= 2 && IsVowel(stem[^1]) && stem[^1] == stem[^2] && !IsVowel(stem[^3])) yield return stem[..^1] + last + "en"; // jaar → jaren
            if (IsShortVowel(w, w.Length - 2)) yield return stem + last + last + "en";                                                    // wet → wetten
        }
    }

    /// <summary>Plural → singular: the same rules backwards, held back where they would make another word.</summary>
    static IEnumerable<string> Singulars(string w)
    {
        if (w.EndsWith("'s")) yield return w[..^2];
        if (w.EndsWith('s') && w.Length - 1 >= MinimumLength && EndsInSchwaOrVowel(w[..^1])) yield return w[..^1];
        if (w.EndsWith('a')) yield return w[..^1] + "um";
        if (w.EndsWith("ën")) { yield return w[..^2]; yield return w[..^2] + "e"; }
        if (w.EndsWith("en")) yield return w[..^1];   // bijlagen → bijlage
        if (!w.EndsWith("en") || w.Length - 2 < 2) yield break;

        var stem = w[..^2];
        stem = stem[^1] switch { 'v' => stem[..^1] + "f", 'z' => stem[..^1] + "s", _ => stem };
        if (stem.Length >= 2 && stem[^1] == stem[^2] && !IsVowel(stem[^1])) { yield return stem[..^1]; yield break; }  // wetten → wet
        if (IsShortVowel(stem, stem.Length - 2))
        {
            yield return stem[..^1] + stem[^2] + stem[^1];                                                              // jaren → jaar
            if (stem.EndsWith('g') || stem.EndsWith("el") || stem.EndsWith("er") || stem.EndsWith("em") || stem.EndsWith("or"))
                yield return stem;                                                                                       // verslagen → verslag, artikelen → artikel
            yield break;
        }
        yield return stem;                                                                                               // besluiten → besluit
    }

    static IEnumerable<char> Voiced(char last) => last switch { 'f' => ['f', 'v'], 's' => ['s', 'z'], _ => [last] };

    static bool EndsInSchwaOrVowel(string w) =>
        IsVowel(w[^1]) || w.EndsWith("el") || w.EndsWith("er") || w.EndsWith("em") || w.EndsWith("en") || w.EndsWith("or") || w.EndsWith("eur");

    /// <summary>A single vowel letter between consonants before the end (wet, debat, plan): not aa, ie, ij or ui.</summary>
    static bool IsShortVowel(string w, int at) =>
        at >= 1 && IsVowel(w[at]) && !IsVowel(w[at - 1]) && at + 1 < w.Length && !IsVowel(w[at + 1]) && w[at + 1] != 'j' && w[at + 1] != 'w';

    static bool IsVowel(char c) => Vowels.Contains(c);
}
