namespace Archive.Content.Diffing;

/// <summary>
/// One paragraph (line) of a revision, labelled with the revision that brought it in its present form.
/// <see cref="Anchor"/> is the paragraph's stable name: made where the paragraph got its present form
/// ("r3-12": revision 3, line 12), it stays the same in every later revision in which the paragraph is
/// unchanged or only moved. <see cref="Replaces"/> names the anchors of the paragraphs it is a changed
/// form of, oldest last, so a link to an older form still finds its successor.
/// </summary>
public sealed record BlameLine(int Line, string Text, int Revision, string Anchor, IReadOnlyList<string> Replaces)
{
    public bool IsBlank => Tokens.IsBlank(Text);
}

public static class Blame
{
    /// <summary>
    /// The paragraphs of revision <paramref name="revision"/> (1-based) of <paramref name="texts"/> (every
    /// revision's text, in order), each labelled by walking the revisions forward: an unchanged paragraph
    /// keeps its label, a moved one is followed from where it was, a changed or new one takes the revision's.
    /// </summary>
    public static IReadOnlyList<BlameLine> Of(IReadOnlyList<string> texts, int revision, DiffOptions? options = null)
    {
        if (revision < 1 || revision > texts.Count) throw new ArgumentOutOfRangeException(nameof(revision), $"there are revisions 1 to {texts.Count}");
        var lines = Tokens.Lines(texts[0]);
        var blame = lines.Select((text, i) => new BlameLine(i + 1, text, 1, $"r1-{i + 1}", [])).ToList();
        for (var k = 2; k <= revision; k++)
        {
            var diff = TextDiffer.Compare(texts[k - 2], texts[k - 1], options);
            var movedFrom = diff.Rows.Where(r => r is { Kind: RowKind.MovedAway, MoveId: not null, OldLine: not null }).ToDictionary(r => r.MoveId!.Value, r => r.OldLine!.Value);
            var next = new BlameLine[diff.NewLines.Count];
            foreach (var row in diff.Rows)
            {
                if (row.NewLine is not { } line) continue;
                var text = diff.NewLines[line];
                var before = row.Kind switch
                {
                    RowKind.Equal => blame[row.OldLine!.Value],
                    RowKind.MovedHere when row.MoveId is { } id && movedFrom.TryGetValue(id, out var from) => blame[from],
                    _ => null,
                };
                if (before is not null) { next[line] = before with { Line = line + 1, Text = text }; continue; }
                var replaces = row is { Kind: RowKind.Changed, OldLine: { } old } ? [blame[old].Anchor, .. blame[old].Replaces] : Array.Empty<string>();
                next[line] = new BlameLine(line + 1, text, k, $"r{k}-{line + 1}", replaces);
            }
            blame = next.Select((b, i) => b ?? new BlameLine(i + 1, diff.NewLines[i], k, $"r{k}-{i + 1}", [])).ToList();
        }
        return blame;
    }
}
