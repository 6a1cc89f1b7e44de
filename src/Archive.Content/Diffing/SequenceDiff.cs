using DiffPlex;

namespace Archive.Content.Diffing;

/// <summary>DiffPlex's Myers diff over sequences of pieces that we cut ourselves.</summary>
static class SequenceDiff
{
    const string OldMarker = "old";
    const string NewMarker = "new";

    /// <summary>The pairs of positions the longest common subsequence matches, in order.</summary>
    public static List<(int Old, int New)> Matches(IReadOnlyList<string> oldKeys, IReadOnlyList<string> newKeys)
    {
        var matches = new List<(int, int)>();
        if (oldKeys.Count == 0 || newKeys.Count == 0) return matches;
        // DiffPlex asks its chunker to cut each of the two texts; ours hands back the pieces already cut.
        var (oldArray, newArray) = (oldKeys.ToArray(), newKeys.ToArray());
        var result = Differ.Instance.CreateCustomDiffs(OldMarker, NewMarker, false, text => ReferenceEquals(text, OldMarker) ? oldArray : newArray);

        var (a, b) = (0, 0);
        foreach (var block in result.DiffBlocks)
        {
            while (a < block.DeleteStartA) matches.Add((a++, b++));
            a += block.DeleteCountA;
            b += block.InsertCountB;
        }
        while (a < oldKeys.Count && b < newKeys.Count) matches.Add((a++, b++));
        return matches;
    }

    /// <summary>
    /// Ops that turn <paramref name="oldPieces"/> into <paramref name="newPieces"/>, each run of one
    /// kind joined into one op. <paramref name="key"/> (when given) is what pieces are compared by.
    /// </summary>
    public static List<DiffOp> Ops(string[] oldPieces, string[] newPieces, Func<string, string>? key = null)
    {
        var ops = new List<DiffOp>();
        void Add(OpKind kind, string[] pieces, int from, int to)
        {
            if (to > from) ops.Add(new DiffOp(kind, string.Join("", pieces, from, to - from)));
        }
        var (a, b) = (0, 0);
        var matches = key is null ? Matches(oldPieces, newPieces) : Matches(oldPieces.Select(key).ToArray(), newPieces.Select(key).ToArray());
        for (var m = 0; m < matches.Count;)
        {
            var (i, j) = matches[m];
            Add(OpKind.Delete, oldPieces, a, i);
            Add(OpKind.Insert, newPieces, b, j);
            var run = 1;   // matches on consecutive pieces of both sides make one equal op
            while (m + run < matches.Count && matches[m + run] == (i + run, j + run)) run++;
            Add(OpKind.Equal, newPieces, j, j + run);
            (a, b, m) = (i + run, j + run, m + run);
        }
        Add(OpKind.Delete, oldPieces, a, oldPieces.Length);
        Add(OpKind.Insert, newPieces, b, newPieces.Length);
        return ops;
    }
}
