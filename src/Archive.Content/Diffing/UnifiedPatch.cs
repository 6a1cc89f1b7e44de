using System.Text;

namespace Archive.Content.Diffing;

/// <summary>
/// The diff as a unified patch (`---`/`+++`/`@@`), in the form GNU patch applies to the older text
/// to give the newer one byte for byte, including a last line without a line ending
/// ("\ No newline at end of file"). Moves are a deletion and an insertion here: the format has no moves.
/// </summary>
public static class UnifiedPatch
{
    enum Side { Both, Old, New }

    readonly record struct Line(Side Side, string Text);

    public static string Write(TextDiff diff, string oldName, string newName, int context = 3)
    {
        var lines = Lines(diff);
        var changed = new List<int>();
        for (var k = 0; k < lines.Count; k++)
            if (lines[k].Side != Side.Both) changed.Add(k);
        if (changed.Count == 0) return "";
        var (oldBefore, newBefore) = (new int[lines.Count + 1], new int[lines.Count + 1]);
        for (var k = 0; k < lines.Count; k++)
        {
            oldBefore[k + 1] = oldBefore[k] + (lines[k].Side != Side.New ? 1 : 0);
            newBefore[k + 1] = newBefore[k] + (lines[k].Side != Side.Old ? 1 : 0);
        }
        var hunks = Hunks(changed, lines.Count, Math.Max(0, context)).ToList();
        // Sized once: a patch of a large text is most of the text again, and growing a builder that size costs copies.
        var length = oldName.Length + newName.Length + 10L;
        foreach (var (first, last) in hunks)
        {
            length += 40;
            for (var k = first; k <= last; k++) length += lines[k].Text.Length + 1;
        }
        var patch = new StringBuilder((int)Math.Min(length, int.MaxValue / 2));
        patch.Append("--- ").Append(oldName).Append("\n+++ ").Append(newName).Append('\n');
        foreach (var (first, last) in hunks)
        {
            var (oldCount, newCount) = (oldBefore[last + 1] - oldBefore[first], newBefore[last + 1] - newBefore[first]);
            patch.Append("@@ -").Append(Range(oldBefore[first], oldCount)).Append(" +").Append(Range(newBefore[first], newCount)).Append(" @@\n");
            for (var k = first; k <= last; k++) WriteLine(patch, lines[k]);
        }
        return patch.ToString();
    }

    /// <summary>Context lines, and in each run of changes the removed lines first, then the added ones, as diff(1) writes them.</summary>
    static List<Line> Lines(TextDiff diff)
    {
        var lines = new List<Line>(diff.Rows.Count + 16);
        var (removed, added) = (new List<Line>(), new List<Line>());
        void Flush()
        {
            lines.AddRange(removed);
            lines.AddRange(added);
            removed.Clear();
            added.Clear();
        }
        foreach (var row in diff.Rows)
        {
            if (row.Kind == RowKind.Equal)
            {
                Flush();
                lines.Add(new Line(Side.Both, row.NewText));
                continue;
            }
            if (row.OldLine is not null) removed.Add(new Line(Side.Old, row.OldText));
            if (row.NewLine is not null) added.Add(new Line(Side.New, row.NewText));
        }
        Flush();
        return lines;
    }

    /// <summary>Changes with no more than twice the context of unchanged lines between them share a hunk.</summary>
    static IEnumerable<(int First, int Last)> Hunks(List<int> changed, int count, int context)
    {
        var (first, last) = (changed[0], changed[0]);
        foreach (var k in changed.Skip(1))
        {
            if (k - last - 1 > 2 * context)
            {
                yield return (Math.Max(0, first - context), Math.Min(count - 1, last + context));
                first = k;
            }
            last = k;
        }
        yield return (Math.Max(0, first - context), Math.Min(count - 1, last + context));
    }

    static void WriteLine(StringBuilder patch, Line line)
    {
        patch.Append(line.Side switch { Side.Old => '-', Side.New => '+', _ => ' ' }).Append(line.Text);
        if (!line.Text.EndsWith('\n')) patch.Append("\n\\ No newline at end of file\n");
    }

    /// <summary>"start,count", where an empty range names the line before it (0 at the top).</summary>
    static string Range(int linesBefore, int count) => count == 0 ? $"{linesBefore},0" : $"{linesBefore + 1},{count}";
}
