namespace Archive.Content.Diffing;

public static class DiffOps
{
    /// <summary>Joins adjacent ops of the same kind (and the same move), dropping empty ones; an op with no neighbour to join is kept as it is.</summary>
    public static IReadOnlyList<DiffOp> Merge(IEnumerable<DiffOp> ops)
    {
        var merged = new List<DiffOp>();
        var run = new List<DiffOp>();
        void Close()
        {
            if (run.Count == 1) merged.Add(run[0]);
            else if (run.Count > 1) merged.Add(run[0] with { Text = string.Concat(run.Select(o => o.Text)) });
            run.Clear();
        }
        foreach (var op in ops)
        {
            if (op.Text.Length == 0) continue;
            if (run.Count > 0 && (run[0].Kind != op.Kind || run[0].MoveId != op.MoveId)) Close();
            run.Add(op);
        }
        Close();
        return merged;
    }

    /// <summary>
    /// Makes a word diff read as a person would write it: a run of whitespace (or a lone
    /// punctuation mark) kept between two changes becomes part of them, and within each run of
    /// changes the deleted text comes before the inserted text. For the ops of one paragraph,
    /// which carry no moves.
    /// </summary>
    public static IReadOnlyList<DiffOp> Tidy(IReadOnlyList<DiffOp> ops)
    {
        // After merging, an equal op's neighbours are changes; one that is filler, and not at
        // either end, joins the changes around it on both sides.
        var merged = Merge(ops);
        var result = new List<DiffOp>(merged.Count);
        var (deleted, inserted) = (new List<string>(), new List<string>());
        void Flush()
        {
            if (deleted.Count > 0) result.Add(new DiffOp(OpKind.Delete, string.Concat(deleted)));
            if (inserted.Count > 0) result.Add(new DiffOp(OpKind.Insert, string.Concat(inserted)));
            deleted.Clear();
            inserted.Clear();
        }
        for (var i = 0; i < merged.Count; i++)
        {
            var op = merged[i];
            if (op.Kind == OpKind.Equal && (i == 0 || i == merged.Count - 1 || !IsFiller(op.Text)))
            {
                Flush();
                result.Add(op);
                continue;
            }
            if (op.Kind != OpKind.Insert) deleted.Add(op.Text);
            if (op.Kind != OpKind.Delete) inserted.Add(op.Text);
        }
        Flush();
        return result;
    }

    static bool IsFiller(string text) => string.IsNullOrWhiteSpace(text) || (text.Length == 1 && !char.IsLetterOrDigit(text[0]));
}
