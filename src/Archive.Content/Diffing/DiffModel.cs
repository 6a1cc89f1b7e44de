using System.Text.Json.Serialization;

namespace Archive.Content.Diffing;

public enum Granularity { Line, Word, Char }

public enum OpKind { Equal, Delete, Insert }

/// <summary>A run of text that both versions share, or that only the older or only the newer has.</summary>
/// <param name="MoveId">Set on both ends of a moved paragraph: its deletion where it was and its insertion where it went.</param>
public sealed record DiffOp(OpKind Kind, string Text, int? MoveId = null);

public enum RowKind { Equal, Changed, Deleted, Inserted, MovedAway, MovedHere }

/// <summary>
/// One paragraph (line) of the comparison, as a side-by-side view shows it: zero-based line
/// indexes on each side, and the ops that turn the older line into the newer one.
/// </summary>
public sealed record DiffRow(RowKind Kind, int? OldLine, int? NewLine, IReadOnlyList<DiffOp> Ops, int? MoveId = null)
{
    public string OldText => Side(without: OpKind.Insert);
    public string NewText => Side(without: OpKind.Delete);

    /// <summary>The text of one side; a row of one op (most rows: every equal line) is that op's text, not a copy of it.</summary>
    string Side(OpKind without) => Ops is [var only]
        ? only.Kind != without ? only.Text : ""
        : string.Concat(Ops.Where(o => o.Kind != without).Select(o => o.Text));
}

public sealed record DiffStats(
    int WordsAdded, int WordsRemoved, int WordsMoved,
    int LinesAdded, int LinesRemoved, int LinesChanged, int LinesMoved);

public sealed record DiffOptions
{
    public Granularity Granularity { get; init; } = Granularity.Word;

    /// <summary>When true, changes of whitespace alone do not count (equal runs then carry the newer text).</summary>
    public bool IgnoreWhitespace { get; init; }

    /// <summary>Past this, paragraphs not yet compared word by word are compared as whole lines, and the diff says so.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>The comparison of two texts. <see cref="Coarser"/> says when it is less fine than asked, and why.</summary>
public sealed record TextDiff(Granularity Granularity, bool Coarser, string? CoarserReason, IReadOnlyList<DiffRow> Rows, DiffStats Stats)
{
    public bool HasChanges => Rows.Any(r => r.Kind != RowKind.Equal);

    /// <summary>The older text's lines, as the rows number them (composed from the rows when not given).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> OldLines
    {
        get => _oldLines ??= Rows.Where(r => r.OldLine is not null).Select(r => r.OldText).ToList();
        init => _oldLines = value;
    }

    /// <summary>The newer text's lines, as the rows number them.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> NewLines
    {
        get => _newLines ??= Rows.Where(r => r.NewLine is not null).Select(r => r.NewText).ToList();
        init => _newLines = value;
    }

    IReadOnlyList<string>? _oldLines, _newLines;

    /// <summary>The whole comparison as one sequence of ops, adjacent runs of one kind merged (moves kept apart).</summary>
    public IReadOnlyList<DiffOp> InlineOps() => DiffOps.Merge(Rows.SelectMany(r => r.Ops));

    public string OldText() => string.Concat(Rows.Select(r => r.OldText));
    public string NewText() => string.Concat(Rows.Select(r => r.NewText));
}
