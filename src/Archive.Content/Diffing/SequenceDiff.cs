using DiffPlex;
using DiffPlex.Model;

namespace Archive.Content.Diffing;

/// <summary>
/// DiffPlex's Myers diff over pieces that we cut and number ourselves. DiffPlex's public entry
/// points take whole texts and number every piece again through a dictionary of strings; its core
/// (<see cref="Differ.BuildModificationData(ModificationData, ModificationData)"/>, open to
/// subclasses) takes the numbers, so no piece is hashed twice and no piece needs a string of its own.
/// </summary>
sealed class SequenceDiff : Differ
{
    SequenceDiff() { }

    /// <summary>Which pieces of each side the longest common subsequence leaves out: deleted on the old side, inserted on the new.</summary>
    public static (bool[] Old, bool[] New) Changed(int[] oldNumbers, int[] newNumbers)
    {
        var old = new ModificationData("") { HashedPieces = oldNumbers, Modifications = new bool[oldNumbers.Length] };
        var @new = new ModificationData("") { HashedPieces = newNumbers, Modifications = new bool[newNumbers.Length] };
        BuildModificationData(old, @new);
        return (old.Modifications, @new.Modifications);
    }

    /// <summary>The pairs of positions the longest common subsequence matches, in order.</summary>
    public static List<(int Old, int New)> Matches(int[] oldNumbers, int[] newNumbers)
    {
        var (changedOld, changedNew) = Changed(oldNumbers, newNumbers);
        var matches = new List<(int, int)>(Math.Min(oldNumbers.Length, newNumbers.Length));
        for (int a = 0, b = 0; a < oldNumbers.Length && b < newNumbers.Length;)
            if (changedOld[a]) a++;
            else if (changedNew[b]) b++;
            else matches.Add((a++, b++));
        return matches;
    }

    /// <summary>
    /// Like <see cref="Matches"/>, for long sequences. Runs of three pieces found once on each side
    /// are matched first (the longest chain of them in order on both sides, as patience diff does),
    /// and the minimal diff runs only between them. The result is not always minimal, but its cost
    /// grows with the gaps between anchors instead of with the whole length times the number of edits.
    /// </summary>
    public static List<(int Old, int New)> AnchoredMatches(int[] oldNumbers, int[] newNumbers)
    {
        var matches = new List<(int, int)>(Math.Min(oldNumbers.Length, newNumbers.Length));
        var (a, b) = (0, 0);
        foreach (var (i, j) in Anchors(oldNumbers, newNumbers).Append((oldNumbers.Length, newNumbers.Length)))
        {
            foreach (var (x, y) in Matches(oldNumbers[a..i], newNumbers[b..j])) matches.Add((a + x, b + y));
            if (i < oldNumbers.Length) matches.Add((i, j));
            (a, b) = (i + 1, j + 1);
        }
        return matches;
    }

    /// <summary>Where a run of three pieces that each side has once starts on both sides: the longest chain that rises on both.</summary>
    static List<(int Old, int New)> Anchors(int[] a, int[] b)
    {
        const int Twice = -1;
        var inOld = new Dictionary<(int, int, int), int>();
        for (var i = 0; i + 2 < a.Length; i++)
        {
            var run = (a[i], a[i + 1], a[i + 2]);
            inOld[run] = inOld.ContainsKey(run) ? Twice : i;
        }
        var inNew = new Dictionary<(int, int, int), int>();
        for (var j = 0; j + 2 < b.Length; j++)
        {
            var run = (b[j], b[j + 1], b[j + 2]);
            if (inOld.TryGetValue(run, out var i) && i != Twice) inNew[run] = inNew.ContainsKey(run) ? Twice : j;
        }
        var candidates = new List<(int Old, int New)>();
        for (var i = 0; i + 2 < a.Length; i++)
            if (inNew.TryGetValue((a[i], a[i + 1], a[i + 2]), out var j) && j != Twice)
                candidates.Add((i, j));   // inNew holds only runs the old side has once: this one, at i
        return LongestRisingChain(candidates);
    }

    /// <summary>Of pairs in rising order of their first, the longest chain whose second rises too (patience sorting).</summary>
    static List<(int Old, int New)> LongestRisingChain(List<(int Old, int New)> pairs)
    {
        var tails = new List<int>();   // tails[k]: the pair that ends the best chain of length k + 1 found so far
        var previous = new int[pairs.Count];
        for (var k = 0; k < pairs.Count; k++)
        {
            var (low, high) = (0, tails.Count);
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (pairs[tails[middle]].New < pairs[k].New) low = middle + 1;
                else high = middle;
            }
            previous[k] = low > 0 ? tails[low - 1] : -1;
            if (low == tails.Count) tails.Add(k);
            else tails[low] = k;
        }
        var chain = new List<(int, int)>(tails.Count);
        for (var k = tails.Count > 0 ? tails[^1] : -1; k >= 0; k = previous[k]) chain.Add(pairs[k]);
        chain.Reverse();
        return chain;
    }

    /// <summary>
    /// Ops that turn <paramref name="old"/> into <paramref name="new"/>, each run of one kind
    /// joined into one op; equal runs carry the newer text (they differ only where numbering
    /// ignored a difference, such as whitespace).
    /// </summary>
    public static List<DiffOp> Ops(NumberedPieces old, NumberedPieces @new)
    {
        var (changedOld, changedNew) = Changed(old.Numbers, @new.Numbers);
        var ops = new List<DiffOp>();
        void Add(OpKind kind, NumberedPieces pieces, int from, int to)
        {
            if (to > from) ops.Add(new DiffOp(kind, pieces.Text(from, to)));
        }
        var (n, m) = (old.Count, @new.Count);
        for (int a = 0, b = 0; a < n || b < m;)
        {
            var (a0, b0) = (a, b);
            while (a < n && changedOld[a]) a++;
            while (b < m && changedNew[b]) b++;
            Add(OpKind.Delete, old, a0, a);
            Add(OpKind.Insert, @new, b0, b);
            var run = 0;   // pieces both sides keep, one after another, make one equal op
            while (a + run < n && b + run < m && !changedOld[a + run] && !changedNew[b + run]) run++;
            Add(OpKind.Equal, @new, b, b + run);
            (a, b) = (a + run, b + run);
            if (run == 0 && a == a0 && b == b0) break;   // only one side has pieces left, and they are all kept: cannot happen for a true LCS
        }
        return ops;
    }
}
