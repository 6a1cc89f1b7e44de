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
