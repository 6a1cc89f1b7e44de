using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Archive.Content.Diffing;

/// <summary>
/// Compares two texts paragraph by paragraph (a paragraph is a line here, often of a thousand
/// characters or more), reports paragraphs that moved as moves, and compares the words (or
/// characters) only inside paragraphs that changed, within a time budget. Never unbounded:
/// lines found on one side only are set aside before the paragraph diff, and past the budget the
/// remaining paragraphs are compared as whole lines and the result says it is coarser.
/// </summary>
public static partial class TextDiffer
{
    const int MinimumWordsForAMove = 3;
    const int PairingWindow = 50;
    const double PairingSimilarity = 0.4;
    const double LargestAffordablePair = 2e8;
    /// <summary>Past this many lines on the two sides together, lines are aligned around anchors (<see cref="SequenceDiff.AnchoredMatches"/>), not by one minimal diff.</summary>
    const int LinesForAnchoring = 20_000;

    public static TextDiff Compare(string oldText, string newText, DiffOptions? options = null)
    {
        var (oldLines, newLines) = Lines(oldText, newText);
        return Compare(oldLines, newLines, options);
    }

    /// <summary>Both texts cut into lines (<see cref="Tokens.Lines"/>), side by side.</summary>
    public static (string[] Old, string[] New) Lines(string oldText, string newText)
    {
        string[] oldLines = [], newLines = [];
        Parallel.Invoke(() => oldLines = Tokens.Lines(oldText), () => newLines = Tokens.Lines(newText));
        return (oldLines, newLines);
    }

    /// <summary>Compares two texts already cut by <see cref="Lines"/>.</summary>
    public static TextDiff Compare(string[] oldLines, string[] newLines, DiffOptions? options = null)
    {
        options ??= new DiffOptions();
        var run = new Run(options, oldLines, newLines);
        foreach (var segment in Segments(run))
            if (segment.Equal is var (i, j))
                run.Rows.Add(new DiffRow(RowKind.Equal, i, j, [new DiffOp(OpKind.Equal, run.New[j])]));
            else
                AddBlock(run, segment.OldLines, segment.NewLines);
        var rows = CompareParagraphs(run);
        return new TextDiff(options.Granularity, run.CoarserReason is not null, run.CoarserReason, rows, Statistics(rows))
        {
            OldLines = run.Old,
            NewLines = run.New,
        };
    }

    sealed class Run(DiffOptions options, string[] oldLines, string[] newLines)
    {
        public DiffOptions Options { get; } = options;
        public string[] Old { get; } = oldLines;
        public string[] New { get; } = newLines;
        public Stopwatch Clock { get; } = Stopwatch.StartNew();
        /// <summary>Rows in order; a null stands for a pair of paragraphs still to be compared (see <see cref="Pairs"/>).</summary>
        public List<DiffRow?> Rows { get; } = [];
        public List<(int Row, int Old, int New)> Pairs { get; } = [];
        public HashSet<int>?[] OldWords { get; } = new HashSet<int>?[oldLines.Length];
        public HashSet<int>?[] NewWords { get; } = new HashSet<int>?[newLines.Length];
        /// <summary>Numbers for words as <see cref="Similar"/> compares them: letter case ignored.</summary>
        public PieceNumbers Words { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<int, int> MovedOld { get; } = [];
        public Dictionary<int, int> MovedNew { get; } = [];
        string? _coarserReason;
        public string? CoarserReason => _coarserReason;
        public void Coarsen(string reason) => Interlocked.CompareExchange(ref _coarserReason, reason, null);
        public string Key(string line) => Options.IgnoreWhitespace ? Collapse(line) : line;
    }

    /// <summary>A run of equal lines (one pair) or a block of changed lines between two equal ones.</summary>
    sealed record Segment((int Old, int New)? Equal, List<int> OldLines, List<int> NewLines);

    static List<Segment> Segments(Run run)
    {
        var segments = new List<Segment>();
        var (a, b) = (0, 0);
        foreach (var (i, j) in AlignLines(run).Append((run.Old.Length, run.New.Length)))
        {
            if (a < i || b < j) segments.Add(new Segment(null, Range(a, i), Range(b, j)));
            if (i < run.Old.Length) segments.Add(new Segment((i, j), [], []));
            (a, b) = (i + 1, j + 1);
        }
        FindMoves(run, segments);
        return segments;
    }

    static List<int> Range(int from, int to) => Enumerable.Range(from, Math.Max(0, to - from)).ToList();

    /// <summary>Lines that the other side does not have at all cannot match, so only the others go to the diff.</summary>
    static IEnumerable<(int Old, int New)> AlignLines(Run run)
    {
        var numbers = new PieceNumbers();
        var (oldNumbers, newNumbers) = (run.Old.Select(l => numbers.Of(run.Key(l))).ToArray(), run.New.Select(l => numbers.Of(run.Key(l))).ToArray());
        var (inOld, inNew) = (Seen(oldNumbers, numbers.Count), Seen(newNumbers, numbers.Count));
        var oldShared = Enumerable.Range(0, oldNumbers.Length).Where(i => inNew[oldNumbers[i]]).ToArray();
        var newShared = Enumerable.Range(0, newNumbers.Length).Where(j => inOld[newNumbers[j]]).ToArray();
        var (oldKept, newKept) = (oldShared.Select(i => oldNumbers[i]).ToArray(), newShared.Select(j => newNumbers[j]).ToArray());
        var matches = oldKept.Length + newKept.Length > LinesForAnchoring
            ? SequenceDiff.AnchoredMatches(oldKept, newKept)
            : SequenceDiff.Matches(oldKept, newKept);
        return matches.Select(m => (oldShared[m.Old], newShared[m.New]));
    }

    static bool[] Seen(int[] numbers, int count)
    {
        var seen = new bool[count];
        foreach (var number in numbers) seen[number] = true;
        return seen;
    }

    /// <summary>A paragraph deleted in one place and inserted, word for word, in another has moved.</summary>
    static void FindMoves(Run run, List<Segment> segments)
    {
        var deleted = segments.SelectMany(s => s.OldLines).Select(i => MoveKey(run, run.Old[i])).ToHashSet(WithoutFinalNewline.Instance);
        var inserted = segments.SelectMany(s => s.NewLines).Where(j => deleted.Contains(MoveKey(run, run.New[j])))
            .Where(j => Tokens.WordCount(run.New[j]) >= MinimumWordsForAMove)
            .GroupBy(j => MoveKey(run, run.New[j]), WithoutFinalNewline.Instance)
            .ToDictionary(g => g.Key, g => new Queue<int>(g), WithoutFinalNewline.Instance);
        foreach (var i in segments.SelectMany(s => s.OldLines))
            if (inserted.TryGetValue(MoveKey(run, run.Old[i]), out var queue) && queue.Count > 0)
            {
                var id = run.MovedOld.Count + 1;
                run.MovedOld[i] = id;
                run.MovedNew[queue.Dequeue()] = id;
            }
    }

    /// <summary>What a moved paragraph is recognised by: its text, whether or not a line ending follows it (see <see cref="WithoutFinalNewline"/>).</summary>
    static string MoveKey(Run run, string line) => run.Options.IgnoreWhitespace ? run.Key(line) : line;

    /// <summary>Lines compared as if without their line endings ("\n"), without copying them.</summary>
    sealed class WithoutFinalNewline : IEqualityComparer<string>
    {
        public static readonly WithoutFinalNewline Instance = new();
        static ReadOnlySpan<char> Text(string line) => line.AsSpan().TrimEnd('\n');
        public bool Equals(string? x, string? y) => x is not null && y is not null && Text(x).SequenceEqual(Text(y));
        public int GetHashCode(string line) => string.GetHashCode(Text(line));
    }

    /// <summary>Pairs each changed old paragraph with the next similar new one, keeping both sides in order.</summary>
    static void AddBlock(Run run, List<int> olds, List<int> news)
    {
        var p = 0;
        foreach (var i in olds)
        {
            if (run.MovedOld.TryGetValue(i, out var away)) { run.Rows.Add(Moved(run, i, away, fromOld: true)); continue; }
            var q = Partner(run, i, news, p);
            if (q < 0) { run.Rows.Add(new DiffRow(RowKind.Deleted, i, null, [new DiffOp(OpKind.Delete, run.Old[i])])); continue; }
            for (; p < q; p++) run.Rows.Add(Inserted(run, news[p]));
            AddChanged(run, i, news[q]);
            p = q + 1;
        }
        for (; p < news.Count; p++) run.Rows.Add(Inserted(run, news[p]));
    }

    static int Partner(Run run, int oldLine, List<int> news, int from)
    {
        if (run.Options.Granularity == Granularity.Line || OutOfTime(run)) return -1;
        for (var q = from; q < Math.Min(news.Count, from + PairingWindow); q++)
            if (!run.MovedNew.ContainsKey(news[q]) && Similar(run, oldLine, news[q])) return q;
        return -1;
    }

    static DiffRow Inserted(Run run, int j) => run.MovedNew.TryGetValue(j, out var id)
        ? Moved(run, j, id, fromOld: false)
        : new DiffRow(RowKind.Inserted, null, j, [new DiffOp(OpKind.Insert, run.New[j])]);

    static DiffRow Moved(Run run, int line, int id, bool fromOld) => fromOld
        ? new DiffRow(RowKind.MovedAway, line, null, [new DiffOp(OpKind.Delete, run.Old[line], id)], id)
        : new DiffRow(RowKind.MovedHere, null, line, [new DiffOp(OpKind.Insert, run.New[line], id)], id);

    static void AddChanged(Run run, int i, int j)
    {
        run.Pairs.Add((run.Rows.Count, i, j));
        run.Rows.Add(null);
    }

    /// <summary>The paired paragraphs are compared piece by piece, side by side on every core.</summary>
    static List<DiffRow> CompareParagraphs(Run run)
    {
        var compared = new DiffRow[run.Pairs.Count][];
        Parallel.For(0, run.Pairs.Count, () => new PieceNumbers(), (k, _, numbers) =>
        {
            compared[k] = ComparePair(run, run.Pairs[k].Old, run.Pairs[k].New, numbers);
            return numbers;
        }, _ => { });
        var rows = new List<DiffRow>(run.Rows.Count + run.Pairs.Count);
        var next = 0;
        foreach (var row in run.Rows)
            if (row is not null) rows.Add(row);
            else rows.AddRange(compared[next++]);
        return rows;
    }

    static DiffRow[] ComparePair(Run run, int i, int j, PieceNumbers numbers)
    {
        var (a, b) = (run.Old[i], run.New[j]);
        var (prefix, suffix) = SharedEnds(a, b);
        var (granularity, ignoreWhitespace) = (run.Options.Granularity, run.Options.IgnoreWhitespace);
        var oldPieces = Tokens.Numbered(granularity, a, prefix, a.Length - suffix, numbers, ignoreWhitespace);
        var newPieces = Tokens.Numbered(granularity, b, prefix, b.Length - suffix, numbers, ignoreWhitespace);
        if (OutOfTime(run) || EstimatedCost(oldPieces.Numbers, newPieces.Numbers) > LargestAffordablePair)
        {
            run.Coarsen("a paragraph was too large to compare piece by piece within the time budget");
            return
            [
                new DiffRow(RowKind.Deleted, i, null, [new DiffOp(OpKind.Delete, run.Old[i])]),
                new DiffRow(RowKind.Inserted, null, j, [new DiffOp(OpKind.Insert, run.New[j])]),
            ];
        }
        var ops = SequenceDiff.Ops(oldPieces, newPieces);
        ops.Insert(0, new DiffOp(OpKind.Equal, a[..prefix]));
        ops.Add(new DiffOp(OpKind.Equal, a[^suffix..]));
        return [new DiffRow(RowKind.Changed, i, j, run.Options.Granularity == Granularity.Word ? DiffOps.Tidy(ops) : DiffOps.Merge(ops))];
    }

    static bool OutOfTime(Run run)
    {
        if (run.Clock.Elapsed <= run.Options.Budget) return false;
        run.Coarsen($"the time budget of {run.Options.Budget.TotalSeconds:0.###} s ran out; the paragraphs left were compared as whole lines");
        return true;
    }

    /// <summary>
    /// How long the text is that both lines start with, and that they end with, cut at whitespace
    /// so that no word is split: only what lies between goes to the diff.
    /// </summary>
    static (int Prefix, int Suffix) SharedEnds(string a, string b)
    {
        var p = 0;
        var limit = Math.Min(a.Length, b.Length);
        while (p < limit && a[p] == b[p]) p++;
        while (p > 0 && !char.IsWhiteSpace(a[p - 1])) p--;
        var s = 0;
        while (s < limit - p && a[a.Length - 1 - s] == b[b.Length - 1 - s]) s++;
        while (s > 0 && !char.IsWhiteSpace(a[a.Length - s])) s--;
        return (p, s);
    }

    /// <summary>Myers takes about (n + m) × d steps; the pieces only one side has bound d from below.</summary>
    static double EstimatedCost(int[] a, int[] b)
    {
        if ((double)(a.Length + b.Length) * (a.Length + b.Length) <= LargestAffordablePair) return 0;   // d is at most n + m
        var counts = new Dictionary<int, int>();
        foreach (var piece in a) counts[piece] = counts.GetValueOrDefault(piece) + 1;
        foreach (var piece in b) counts[piece] = counts.GetValueOrDefault(piece) - 1;
        return (double)(a.Length + b.Length) * counts.Values.Sum(Math.Abs);
    }

    /// <summary>Two paragraphs are versions of one another when they share enough of their words.</summary>
    static bool Similar(Run run, int i, int j)
    {
        var (a, b) = (run.Old[i], run.New[j]);
        if (Tokens.IsBlank(a) && Tokens.IsBlank(b)) return true;
        if (SharedLength(a, b) >= PairingSimilarity * Math.Max(a.Length, b.Length)) return true;
        var (wa, wb) = (run.OldWords[i] ??= WordSet(run, a), run.NewWords[j] ??= WordSet(run, b));
        if (wa.Count == 0 || wb.Count == 0) return false;
        return (double)wa.Count(wb.Contains) / Math.Max(wa.Count, wb.Count) >= PairingSimilarity;
    }

    static int SharedLength(string a, string b)
    {
        var limit = Math.Min(a.Length, b.Length);
        var p = 0;
        while (p < limit && a[p] == b[p]) p++;
        var s = 0;
        while (s < limit - p && a[a.Length - 1 - s] == b[b.Length - 1 - s]) s++;
        return p + s;
    }

    static HashSet<int> WordSet(Run run, string line)
    {
        var pieces = Tokens.Numbered(Granularity.Word, line, 0, line.Length, run.Words);
        var words = new HashSet<int>();
        for (var k = 0; k < pieces.Count; k++)
            if (Tokens.IsWordChar(line[pieces.Starts[k]])) words.Add(pieces.Numbers[k]);
        return words;
    }

    static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    static DiffStats Statistics(IReadOnlyList<DiffRow> rows)
    {
        var (added, removed, moved) = (0, 0, 0);
        var lines = new int[Enum.GetValues<RowKind>().Length];
        foreach (var row in rows)
        {
            lines[(int)row.Kind]++;
            if (row.Kind == RowKind.Equal) continue;
            foreach (var op in row.Ops)
                switch (op.Kind, op.MoveId is not null)
                {
                    case (OpKind.Insert, false): added += Tokens.WordCount(op.Text); break;
                    case (OpKind.Delete, false): removed += Tokens.WordCount(op.Text); break;
                    case (OpKind.Insert, true): moved += Tokens.WordCount(op.Text); break;
                }
        }
        return new DiffStats(added, removed, moved, lines[(int)RowKind.Inserted], lines[(int)RowKind.Deleted],
            lines[(int)RowKind.Changed], lines[(int)RowKind.MovedHere]);
    }
}
