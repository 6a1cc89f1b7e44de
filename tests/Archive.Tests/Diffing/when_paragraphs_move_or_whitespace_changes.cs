using Archive.Content.Diffing;

namespace Archive.Tests.Diffing;

public class when_paragraphs_move_or_whitespace_changes
{
    const string P1 = "De leden van de VVD-fractie hebben met interesse kennisgenomen van de brieven.\n";
    const string P2 = "Zij vragen de staatssecretaris naar het tijdpad van de ratificatie van het verdrag.\n";
    const string P3 = "Het kabinet verwelkomt de recente hervormingen bij de Wereldbank.\n";
    const string P4 = "Deze maatregelen zijn relevant in het licht van een gelijk speelveld.\n";

    [Fact]
    public void a_moved_paragraph_is_reported_as_a_move_not_a_deletion_and_an_insertion()
    {
        var diff = TextDiffer.Compare(P1 + P2 + P3 + P4, P1 + P3 + P4 + P2);
        Assert.DoesNotContain(diff.Rows, r => r.Kind is RowKind.Deleted or RowKind.Inserted or RowKind.Changed);
        var away = Assert.Single(diff.Rows, r => r.Kind == RowKind.MovedAway);
        var here = Assert.Single(diff.Rows, r => r.Kind == RowKind.MovedHere);
        Assert.Equal((1, 3, away.MoveId), (away.OldLine!.Value, here.NewLine!.Value, here.MoveId));
        Assert.Equal(P2, away.OldText);
        Assert.Equal(new DiffStats(0, 0, 13, 0, 0, 0, 1), diff.Stats);
    }

    [Fact]
    public void whitespace_is_significant_by_default()
    {
        var diff = TextDiffer.Compare(P1, P1.Replace("van de brieven", "van de  brieven"));
        var changed = Assert.Single(diff.Rows);
        Assert.Equal(RowKind.Changed, changed.Kind);
        Assert.Contains(new DiffOp(OpKind.Insert, " "), changed.Ops);
    }

    [Fact]
    public void whitespace_can_be_ignored_on_request()
    {
        var diff = TextDiffer.Compare(P1 + P2, P1.Replace("van de brieven", "van de  brieven") + P2.Replace(".\n", ".  \n"),
            new DiffOptions { IgnoreWhitespace = true });
        Assert.False(diff.HasChanges);
    }

    [Fact]
    public void a_missing_final_newline_is_a_change_the_patch_carries()
    {
        var diff = TextDiffer.Compare(P1 + P2, P1 + P2.TrimEnd('\n'));
        Assert.True(diff.HasChanges);
        Assert.Contains("\\ No newline at end of file", UnifiedPatch.Write(diff, "a", "b"));
        Assert.Equal(P1 + P2.TrimEnd('\n'), diff.NewText());
    }

    [Fact]
    public void an_insertion_at_the_top_has_a_zero_start_in_the_patch() =>
        Assert.Contains("@@ -0,0 +1,1 @@", UnifiedPatch.Write(TextDiffer.Compare(P1, P4 + P1), "a", "b", context: 0));

    [Fact]
    public void html_escapes_the_text_and_marks_changes()
    {
        var diff = TextDiffer.Compare("<b>a & b</b> oud\n", "<b>a & b</b> nieuw\n");
        var inline = HtmlDiff.Inline(diff);
        Assert.Contains("&lt;b&gt;a &amp; b&lt;/b&gt; <del>oud</del><ins>nieuw</ins>", inline);
        Assert.DoesNotContain("<b>", inline);
        Assert.Contains("<td class=\"old\">&lt;b&gt;a &amp; b&lt;/b&gt; <del>oud</del></td>", HtmlDiff.SideBySide(diff));
    }
}
