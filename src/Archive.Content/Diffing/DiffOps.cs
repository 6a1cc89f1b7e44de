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
    /// changes the deleted text comes before the inserted text.
    /// </summary>
    public static IReadOnlyList<DiffOp> Tidy(IReadOnlyList<DiffOp> ops)
    {
        var list = Merge(ops).ToList();
        for (var i = 1; i < list.Count - 1; i++)
            if (list[i].Kind == OpKind.Equal && IsFiller(list[i].Text) && list[i - 1].Kind != OpKind.Equal && list[i + 1].Kind != OpKind.Equal)
            {
                var text = list[i].Text;
                list[i] = new DiffOp(OpKind.Delete, text);
                list.Insert(i + 1, new DiffOp(OpKind.Insert, text));
            }
        var result = new List<DiffOp>();
        for (var i = 0; i < list.Count;)
        {
            if (list[i].Kind == OpKind.Equal) { result.Add(list[i++]); continue; }
            var end = i;
            while (end < list.Count && list[end].Kind != OpKind.Equal) end++;
            result.AddRange(list.GetRange(i, end - i).Where(o => o.Kind == OpKind.Delete));
            result.AddRange(list.GetRange(i, end - i).Where(o => o.Kind == OpKind.Insert));
            i = end;
        }
        return Merge(result);
    }

    static bool IsFiller(string text) => string.IsNullOrWhiteSpace(text) || (text.Length == 1 && !char.IsLetterOrDigit(text[0]));
}
