using Archive.Content.Diffing;

namespace Archive.Content.Structure;

/// <summary>One part of the document that changed: "VVD, vraag 7: antwoord gewijzigd (+12 −3 woorden)".</summary>
/// <param name="OldLine">The first changed line of this part in the older text (zero-based), to link to the change.</param>
public sealed record StructuralChange(string Part, string What, int WordsAdded, int WordsRemoved, int? OldLine, int? NewLine)
{
    public string Text => $"{Part}: {What} (+{WordsAdded} −{WordsRemoved} woorden)";
}

public static class StructuralSummary
{
    public static IReadOnlyList<StructuralChange> Of(TextDiff diff)
    {
        var (oldUnits, newUnits) = (Index(diff.OldLines), Index(diff.NewLines));
        var changes = new List<StructuralChange>();
        var positions = new Dictionary<(string, string), int>();
        foreach (var row in diff.Rows.Where(r => r.Kind != RowKind.Equal))
        {
            var unit = (row.NewLine is { } n ? newUnits[n] : null) ?? (row.OldLine is { } o ? oldUnits[o] : null);
            var key = Describe(unit, row.Kind);
            var (added, removed) = (Words(row, OpKind.Insert), Words(row, OpKind.Delete));
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

    static (string Part, string What) Describe(StructureUnit? unit, RowKind kind)
    {
        var change = kind switch
        {
            RowKind.MovedAway or RowKind.MovedHere => "verplaatst",
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

    static int Words(DiffRow row, OpKind kind) =>
        row.Ops.Where(o => o.Kind == kind && o.MoveId is null).Sum(o => Tokens.WordCount(o.Text));
}
