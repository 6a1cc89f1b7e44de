using System.Text;
using System.Text.RegularExpressions;

namespace Archive.Content.Search;

public enum NumberKind { Document, Dossier }

/// <summary>A document number (2026D04632) or a dossier, with its volgnummer when given (36180-196).</summary>
public sealed record NumberReference(NumberKind Kind, string Number, int? SequenceNumber);

/// <summary>
/// What someone typed into a search box, read web-style (as PostgreSQL's websearch_to_tsquery
/// does): words are all required, "quoted words" are a phrase, <c>or</c> between two items makes
/// them alternatives, and a leading <c>-</c> leaves an item out. Every word stands for all its
/// forms (<see cref="DutchInflection"/>). Nothing the user types reaches tsquery syntax except as
/// a quoted literal, so no input can make the query malformed.
/// </summary>
public sealed partial class SearchQuery
{
    /// <param name="Words">One word, or the words of a phrase in order.</param>
    sealed record Item(bool Negated, IReadOnlyList<string> Words);

    /// <summary>Each group is a list of alternatives; all groups are required.</summary>
    readonly List<List<Item>> _groups;

    SearchQuery(List<List<Item>> groups, List<NumberReference> numbers) => (_groups, Numbers) = (groups, numbers);

    public IReadOnlyList<NumberReference> Numbers { get; }

    /// <summary>The words searched for (not those left out), lower case.</summary>
    public IReadOnlyList<string> Words => _groups.SelectMany(g => g).Where(i => !i.Negated).SelectMany(i => i.Words).Distinct().ToList();

    /// <summary>
    /// Where in a text the words searched for appear, as a PostgreSQL regular expression (case
    /// insensitive, <c>regexp_instr(text, pattern, 1, 1, 0, 'i')</c>): any form of any word searched
    /// for, a phrase's words one after another, each vowel with or without its accent, whole words
    /// only. A snippet is cut around the first place it finds. Null when nothing is searched for.
    /// </summary>
    public string? SnippetPattern()
    {
        var items = _groups.SelectMany(g => g).Where(i => !i.Negated)
            .Select(i => string.Join(@"\W+", i.Words.Select(w => "(" + string.Join('|', Forms(w).Select(AnyAccent)) + ")")))
            .Distinct().ToList();
        return items.Count == 0 ? null : @"\m(" + string.Join('|', items) + @")\M";
    }

    static string AnyAccent(string folded) => string.Concat(folded.Select(c => c switch
    {
        'a' => "[aàáâäã]", 'e' => "[eèéêë]", 'i' => "[iìíîï]", 'o' => "[oòóôöõ]", 'u' => "[uùúûü]",
        'c' => "[cç]", 'n' => "[nñ]", 'y' => "[yýÿ]",
        _ when char.IsLetterOrDigit(c) => c.ToString(),
        _ => "\\" + c,
    }));

    /// <summary>How many words, phrases and numbers the query holds: each costs the database a part of the question.</summary>
    public int Size => _groups.Sum(g => g.Sum(i => i.Words.Count)) + Numbers.Count;

    public static SearchQuery Parse(string? input)
    {
        var groups = new List<List<Item>>();
        var numbers = new List<NumberReference>();
        var alternative = false;
        foreach (var (text, quoted, negated) in Tokens(input ?? ""))
        {
            if (!quoted && !negated && text.Equals("or", StringComparison.OrdinalIgnoreCase))
            {
                alternative = groups.Count > 0;
                continue;
            }
            if (!quoted && !negated && Number(text) is { } number)
            {
                numbers.Add(number);
                continue;
            }
            var words = WordsOf(text);
            if (words.Count == 0) continue;
            var item = new Item(negated, words);
            if (alternative) groups[^1].Add(item);
            else groups.Add([item]);
            alternative = false;
        }
        return new SearchQuery(groups, numbers);
    }

    /// <summary>Input for PostgreSQL's to_tsquery('simple', …); null when nothing is left to look for.</summary>
    public string? ToTsQuery()
    {
        if (!_groups.Any(g => g.Any(i => !i.Negated))) return null;
        return string.Join(" & ", _groups.Select(g => g.Count == 1 ? Term(g[0]) : "(" + string.Join(" | ", g.Select(Term)) + ")"));
    }

    /// <summary>
    /// The same question in parts, for a document held in several slices: each group of
    /// alternatives must match somewhere in the document, and no item left out may match anywhere.
    /// (An item left out counts as left out even when it stands among alternatives.)
    /// </summary>
    public IReadOnlyList<string> Required =>
        _groups.Select(g => g.Where(i => !i.Negated).ToList()).Where(g => g.Count > 0)
            .Select(g => g.Count == 1 ? Term(g[0]) : "(" + string.Join(" | ", g.Select(Term)) + ")").ToList();

    /// <inheritdoc cref="Required"/>
    public IReadOnlyList<string> Excluded =>
        _groups.SelectMany(g => g).Where(i => i.Negated).Select(i => Term(i with { Negated = false })).ToList();

    /// <summary>Any word searched for: what finds the candidates, ranks them and is highlighted. Null when nothing is.</summary>
    public string? AnyOf => Required.Count == 0 ? null : string.Join(" | ", Required);

    static string Term(Item item)
    {
        var phrase = string.Join(" <-> ", item.Words.Select(w => "(" + string.Join(" | ", Forms(w).Select(Literal)) + ")"));
        if (item.Words.Count > 1) phrase = "(" + phrase + ")";
        return item.Negated ? "!" + phrase : phrase;
    }

    /// <summary>
    /// Every form of the word, its accents folded as the index folds them (<see cref="Diacritics"/>).
    /// PostgreSQL reads agenda's as the words agenda and s: the form without 's finds it, and a
    /// literal with it would be a phrase whose lone 's' gets highlighted all over a snippet.
    /// </summary>
    static IEnumerable<string> Forms(string word) =>
        DutchInflection.Variants(word).Select(v => v.EndsWith("'s") || v.EndsWith("’s") ? v[..^2] : v).Where(v => v.Length > 0)
            .Select(Diacritics.Fold).Distinct().Order(StringComparer.Ordinal);

    static string Literal(string word) => "'" + word.Replace("\\", "\\\\").Replace("'", "''") + "'";

    /// <summary>Splits the input into items: a bare token or a quoted phrase, each with a leading '-' or not.</summary>
    static IEnumerable<(string Text, bool Quoted, bool Negated)> Tokens(string input)
    {
        var i = 0;
        while (i < input.Length)
        {
            if (char.IsWhiteSpace(input[i])) { i++; continue; }
            var negated = input[i] == '-' && i + 1 < input.Length && !char.IsWhiteSpace(input[i + 1]);
            if (negated) i++;
            if (input[i] == '"')
            {
                var end = input.IndexOf('"', i + 1);
                if (end < 0) end = input.Length;
                yield return (input[(i + 1)..end], true, negated);
                i = end + 1;
                continue;
            }
            var start = i;
            while (i < input.Length && !char.IsWhiteSpace(input[i]) && input[i] != '"') i++;
            yield return (input[start..i], false, negated);
        }
    }

    /// <summary>
    /// The words of a token or phrase: runs of letters, digits and inner apostrophes, lower case. A
    /// hyphen separates words, so Zuidoost-Azië is the phrase "zuidoost azië" and also finds
    /// Zuidoost-Azië-landen (PostgreSQL indexes the parts of a hyphenated word one after another).
    /// </summary>
    static List<string> WordsOf(string text) =>
        WordPattern().Matches(text.Normalize(NormalizationForm.FormC))
            .Select(m => m.Value.Trim('\'', '’').ToLowerInvariant())
            .Where(w => w.Length > 0)
            .ToList();

    static NumberReference? Number(string token)
    {
        if (DocumentNumber().IsMatch(token)) return new NumberReference(NumberKind.Document, token.ToUpperInvariant(), null);
        var dossier = DossierNumber().Match(token);
        if (!dossier.Success) return null;
        return new NumberReference(NumberKind.Dossier, dossier.Groups[1].Value,
            dossier.Groups[2].Success ? int.Parse(dossier.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}'’]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^[0-9]{4}[Dd][0-9]{5}$")]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"^([0-9]{5,6})(?:-([0-9]{1,4}))?$")]
    private static partial Regex DossierNumber();
}
