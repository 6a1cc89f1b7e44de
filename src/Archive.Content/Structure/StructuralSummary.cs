using System.Globalization;
using Archive.Content.Diffing;

namespace Archive.Content.Structure;

/// <summary>
/// One part of the document that changed: "VVD, vraag 7: antwoord gewijzigd (+12 −3 woorden)". A change
/// without a word added or removed says what it was instead ("Tekst: opmaak gewijzigd",
/// "Inleiding: voetnootverwijzing gewijzigd", "VVD, vraag 2: verplaatst"), never "(+0 −0 woorden)".
/// </summary>
/// <param name="OldLine">The first changed line of this part in the older text (zero-based), to link to the change.</param>
public sealed record StructuralChange(string Part, string What, int WordsAdded, int WordsRemoved, int? OldLine, int? NewLine)
{
    public string Text => WordsAdded + WordsRemoved == 0 ? $"{Part}: {What}" : $"{Part}: {What} (+{WordsAdded} −{WordsRemoved} woorden)";
}

public static class StructuralSummary
{
    /// <summary>For each line of the older and of the newer text, the narrowest part of the document that holds it (or null).</summary>
    public sealed record LineParts(StructureUnit?[] Old, StructureUnit?[] New);

    /// <summary>The parts of both texts, found side by side: they do not depend on the diff, so they can be found while it runs.</summary>
    public static LineParts PartsOf(IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines)
    {
        StructureUnit?[] oldUnits = [], newUnits = [];
        Parallel.Invoke(() => oldUnits = Index(oldLines), () => newUnits = Index(newLines));
        return new LineParts(oldUnits, newUnits);
    }

    public static IReadOnlyList<StructuralChange> Of(TextDiff diff) => Of(diff, PartsOf(diff.OldLines, diff.NewLines));

    /// <summary>The changes of <paramref name="diff"/> by part, with <paramref name="parts"/> found from the same lines.</summary>
    public static IReadOnlyList<StructuralChange> Of(TextDiff diff, LineParts parts)
    {
        var (oldUnits, newUnits) = (parts.Old, parts.New);
        var changes = new List<StructuralChange>();
        var positions = new Dictionary<(string, string), int>();
        foreach (var row in diff.Rows.Where(r => r.Kind != RowKind.Equal))
        {
            var unit = (row.NewLine is { } n ? newUnits[n] : null) ?? (row.OldLine is { } o ? oldUnits[o] : null);
            var (added, removed) = (Words(row, OpKind.Insert), Words(row, OpKind.Delete));
            var key = Describe(unit, row.Kind, added + removed == 0 ? Minor(row) : null);
            if (!positions.TryGetValue(key, out var index))
            {
                positions[key] = changes.Count;
                changes.Add(new StructuralChange(key.Part, key.What, added, removed, row.OldLine, row.NewLine));
            }
            else changes[index] = changes[index] with { WordsAdded = changes[index].WordsAdded + added, WordsRemoved = changes[index].WordsRemoved + removed };
        }
        return changes;
    }

    static StructureUnit?[] Index(IReadOnlyList<string> lines) => DocumentStructure.ByLine(DocumentStructure.Parse(lines), lines.Count);

    static (string Part, string What) Describe(StructureUnit? unit, RowKind kind, string? minor)
    {
        var change = kind switch
        {
            RowKind.MovedAway or RowKind.MovedHere => "verplaatst",
            _ when minor is not null => $"{minor} gewijzigd",
            _ => "gewijzigd",
        };
        return unit switch
        {
            null => ("Tekst", change),
            { Kind: "antwoord" } => (unit.Label[..unit.Label.LastIndexOf(':')], $"antwoord {change}"),
            { Kind: "vraag" } => (unit.Label, $"vraag {change}"),
            _ => (unit.Label, change),
        };
    }

    /// <summary>What a change without words changed: whitespace alone ("opmaak"), footnote marks ("voetnootverwijzing"), or punctuation ("leestekens").</summary>
    static string? Minor(DiffRow row)
    {
        if (row.Kind is RowKind.MovedAway or RowKind.MovedHere) return null;
        var changed = string.Concat(row.Ops.Where(o => o.Kind != OpKind.Equal && o.MoveId is null).Select(o => o.Text)).Where(c => !char.IsWhiteSpace(c)).ToList();
        if (changed.Count == 0) return "opmaak";
        return changed.All(IsFootnoteMark) ? "voetnootverwijzing" : "leestekens";
    }

    static bool IsFootnoteMark(char c) =>
        c is '*' or '†' or '‡' or '§' or '¹' or '²' or '³' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherNumber || (c >= '\u2070' && c <= '\u209F');

    static int Words(DiffRow row, OpKind kind) =>
        row.Ops.Where(o => o.Kind == kind && o.MoveId is null).Sum(o => Tokens.WordCount(o.Text));
}
