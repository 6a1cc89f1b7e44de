using System.Net;
using System.Text;

namespace Archive.Content.Diffing;

/// <summary>The diff as HTML fragments: text escaped, deletions in &lt;del&gt;, insertions in &lt;ins&gt;, moves marked.</summary>
public static class HtmlDiff
{
    public static string Inline(TextDiff diff)
    {
        var html = new StringBuilder("<div class=\"diff diff-inline\">\n");
        foreach (var row in diff.Rows)
            html.Append($"<p class=\"{Class(row.Kind)}\"{Anchor(row)}>").Append(Ops(row.Ops)).Append("</p>\n");
        return html.Append("</div>\n").ToString();
    }

    public static string SideBySide(TextDiff diff)
    {
        var html = new StringBuilder("<table class=\"diff diff-side-by-side\">\n");
        foreach (var row in diff.Rows)
            html.Append($"<tr class=\"{Class(row.Kind)}\"{Anchor(row)}>")
                .Append($"<td class=\"line\">{Number(row.OldLine)}</td><td class=\"old\">{Ops(row.Ops.Where(o => o.Kind != OpKind.Insert))}</td>")
                .Append($"<td class=\"line\">{Number(row.NewLine)}</td><td class=\"new\">{Ops(row.Ops.Where(o => o.Kind != OpKind.Delete))}</td>")
                .Append("</tr>\n");
        return html.Append("</table>\n").ToString();
    }

    static string Ops(IEnumerable<DiffOp> ops) => string.Concat(ops.Select(op =>
    {
        var text = WebUtility.HtmlEncode(op.Text.TrimEnd('\n'));
        var move = op.MoveId is { } id ? $" class=\"moved\" data-move=\"{id}\" title=\"verplaatst\"" : "";
        return op.Kind switch
        {
            OpKind.Delete => $"<del{move}>{text}</del>",
            OpKind.Insert => $"<ins{move}>{text}</ins>",
            _ => text,
        };
    }));

    static string Class(RowKind kind) => kind switch
    {
        RowKind.MovedAway => "moved-away",
        RowKind.MovedHere => "moved-here",
        _ => kind.ToString().ToLowerInvariant(),
    };

    static string Anchor(DiffRow row) => row.Kind == RowKind.Equal ? "" : $" id=\"change-{row.OldLine ?? -1}-{row.NewLine ?? -1}\"";

    static string Number(int? line) => line is { } n ? (n + 1).ToString() : "";
}
