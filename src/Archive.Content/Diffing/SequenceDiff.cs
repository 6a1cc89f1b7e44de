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

    /// <summary>Ops that turn <paramref name="oldPieces"/> into <paramref name="newPieces"/>.</summary>
    public static List<DiffOp> Ops(string[] oldPieces, string[] newPieces, Func<string, string> key)
    {
        var ops = new List<DiffOp>();
        var (a, b) = (0, 0);
        foreach (var (i, j) in Matches(oldPieces.Select(key).ToArray(), newPieces.Select(key).ToArray()))
        {
            while (a < i) ops.Add(new DiffOp(OpKind.Delete, oldPieces[a++]));
            while (b < j) ops.Add(new DiffOp(OpKind.Insert, newPieces[b++]));
            ops.Add(new DiffOp(OpKind.Equal, newPieces[b]));
            (a, b) = (a + 1, b + 1);
        }
        while (a < oldPieces.Length) ops.Add(new DiffOp(OpKind.Delete, oldPieces[a++]));
        while (b < newPieces.Length) ops.Add(new DiffOp(OpKind.Insert, newPieces[b++]));
        return ops;
    }
}
