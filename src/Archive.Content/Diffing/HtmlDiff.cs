using System.Net;
using System.Text;

namespace Archive.Content.Diffing;

/// <summary>
/// How a diff page shows what did not change. Unchanged paragraphs further than <see cref="Context"/>
/// paragraphs from a change are collapsed to one line that links (<see cref="OpenLink"/>) to the page
/// with that stretch open; so are the unchanged words of a changed paragraph further than
/// <see cref="WordContext"/> characters from a change. <see cref="Open"/> holds the stretches opened
/// (by the index of their first row); <see cref="All"/> shows everything.
/// </summary>
public sealed record Collapsing(Func<int, string> OpenLink, IReadOnlySet<int> Open, bool All = false, int Context = 2, int WordContext = 80, int MinimumStretch = 3);

/// <summary>The diff as HTML fragments: text escaped, deletions in &lt;del&gt;, insertions in &lt;ins&gt;, moves marked.</summary>
public static class HtmlDiff
{
    public static string Inline(TextDiff diff, Collapsing? collapsing = null)
    {
        var html = new StringBuilder("<div class=\"diff diff-inline\">\n");
        foreach (var part in Parts(diff.Rows, collapsing))
            if (part.Stretch is { } stretch)
                html.Append($"<p class=\"collapsed\" id=\"rows-{stretch.First}\"><a href=\"{WebUtility.HtmlEncode(collapsing!.OpenLink(stretch.First))}\">{Unchanged(stretch.Paragraphs)}</a></p>\n");
            else
                html.Append($"<p class=\"{Class(part.Row!.Kind)}\"{Anchor(part.Row)}>").Append(Ops(part.Row.Ops, part.Trim)).Append("</p>\n");
        return html.Append("</div>\n").ToString();
    }

    public static string SideBySide(TextDiff diff, Collapsing? collapsing = null)
    {
        var html = new StringBuilder("<table class=\"diff diff-side-by-side\">\n");
        foreach (var part in Parts(diff.Rows, collapsing))
            if (part.Stretch is { } stretch)
                html.Append($"<tr class=\"collapsed\" id=\"rows-{stretch.First}\"><td colspan=\"4\"><a href=\"{WebUtility.HtmlEncode(collapsing!.OpenLink(stretch.First))}\">{Unchanged(stretch.Paragraphs)}</a></td></tr>\n");
            else
            {
                var row = part.Row!;
                html.Append($"<tr class=\"{Class(row.Kind)}\"{Anchor(row)}>")
                    .Append($"<td class=\"line\">{Number(row.OldLine)}</td><td class=\"old\">{Ops(row.Ops.Where(o => o.Kind != OpKind.Insert), part.Trim)}</td>")
                    .Append($"<td class=\"line\">{Number(row.NewLine)}</td><td class=\"new\">{Ops(row.Ops.Where(o => o.Kind != OpKind.Delete), part.Trim)}</td>")
                    .Append("</tr>\n");
            }
        return html.Append("</table>\n").ToString();
    }

    static string Unchanged(int paragraphs) => paragraphs == 1 ? "… 1 ongewijzigde alinea …" : $"… {paragraphs} ongewijzigde alinea's …";

    sealed record Stretch(int First, int Paragraphs);

    /// <summary>A row to show (its unchanged words trimmed to <see cref="Trim"/> characters around changes, 0 for all), or a collapsed stretch.</summary>
    sealed record Part(DiffRow? Row, int Trim, Stretch? Stretch);

    static IEnumerable<Part> Parts(IReadOnlyList<DiffRow> rows, Collapsing? collapsing)
    {
        if (collapsing is null || collapsing.All)
        {
            foreach (var row in rows) yield return new Part(row, 0, null);
            yield break;
        }
        var shown = Near(rows, collapsing.Context);
        for (var i = 0; i < rows.Count;)
        {
            if (shown[i]) { yield return new Part(rows[i], rows[i].Kind == RowKind.Equal ? 0 : collapsing.WordContext, null); i++; continue; }
            var end = i;
            while (end < rows.Count && !shown[end]) end++;
            var open = collapsing.Open.Contains(i) || end - i < collapsing.MinimumStretch;
            if (open)
                for (var k = i; k < end; k++) yield return new Part(rows[k], 0, null);
            else
                yield return new Part(null, 0, new Stretch(i, Enumerable.Range(i, end - i).Count(k => !Tokens.IsBlank(rows[k].NewText))));
            i = end;
        }
    }

    /// <summary>Rows that are changes, or within <paramref name="context"/> non-blank rows of one.</summary>
    static bool[] Near(IReadOnlyList<DiffRow> rows, int context)
    {
        var shown = new bool[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Kind == RowKind.Equal) continue;
            shown[i] = true;
            for (int k = i - 1, seen = 0; k >= 0 && seen < context; k--) { shown[k] = true; if (!Tokens.IsBlank(rows[k].NewText)) seen++; }
            for (int k = i + 1, seen = 0; k < rows.Count && seen < context; k++) { shown[k] = true; if (!Tokens.IsBlank(rows[k].NewText)) seen++; }
        }
        return shown;
    }

    static string Ops(IEnumerable<DiffOp> ops, int trim = 0)
    {
        var list = ops.ToList();
        return string.Concat(list.Select((op, i) => Op(op, trim > 0 && op.Kind == OpKind.Equal ? Trimmed(op.Text, trim, first: i == 0, last: i == list.Count - 1) : op.Text)));
    }

    /// <summary>An unchanged run inside a changed paragraph, cut to <paramref name="keep"/> characters next to each change (at a space).</summary>
    static string Trimmed(string text, int keep, bool first, bool last)
    {
        if (text.Length <= 2 * keep + 20) return text;
        var head = first ? "" : CutAfter(text[..keep]);
        var tail = last ? "" : CutBefore(text[^keep..]);
        return $"{head} … {tail}";
    }

    static string CutAfter(string text) => text.LastIndexOf(' ') is var at and > 0 ? text[..at] : text;

    static string CutBefore(string text) => text.IndexOf(' ') is var at and >= 0 ? text[(at + 1)..] : text;

    static string Op(DiffOp op, string shown)
    {
        var text = WebUtility.HtmlEncode(shown.TrimEnd('\n'));
        var move = op.MoveId is { } id ? $" class=\"moved\" data-move=\"{id}\" title=\"verplaatst\"" : "";
        return op.Kind switch
        {
            OpKind.Delete => $"<del{move}>{text}</del>",
            OpKind.Insert => $"<ins{move}>{text}</ins>",
            _ => text,
        };
    }

    static string Class(RowKind kind) => kind switch
    {
        RowKind.MovedAway => "moved-away",
        RowKind.MovedHere => "moved-here",
        _ => kind.ToString().ToLowerInvariant(),
    };

    static string Anchor(DiffRow row) => row.Kind == RowKind.Equal ? "" : $" id=\"change-{row.OldLine ?? -1}-{row.NewLine ?? -1}\"";

    static string Number(int? line) => line is { } n ? (n + 1).ToString() : "";
}
