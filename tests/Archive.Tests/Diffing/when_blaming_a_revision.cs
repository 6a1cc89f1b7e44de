using Archive.Content.Diffing;
using Archive.Content.OpenTk;

namespace Archive.Tests.Diffing;

public class when_blaming_a_revision
{
    static readonly string V1 = OpenTkPageParser.Parse(Fixture.Text("2026D04632-v1.txt")).Value!.Body;
    static readonly string V2 = OpenTkPageParser.Parse(Fixture.Text("2026D04632-v2.txt")).Value!.Body;

    [Fact]
    public void the_five_changed_paragraphs_are_revision_2s_and_the_rest_revision_1s()
    {
        var blame = Blame.Of([V1, V2], 2);
        var changed = TextDiffer.Compare(V1, V2).Rows.Where(r => r.Kind != RowKind.Equal).Select(r => r.NewLine!.Value + 1).ToHashSet();
        Assert.Equal(5, changed.Count);
        Assert.Equal(changed, blame.Where(b => b.Revision == 2).Select(b => b.Line).ToHashSet());
        Assert.All(blame.Where(b => !changed.Contains(b.Line)), b => Assert.Equal(1, b.Revision));
        Assert.Equal(V2, string.Concat(blame.Select(b => b.Text)));
    }

    [Fact]
    public void an_anchor_of_revision_1_lands_on_the_same_paragraph_in_revision_2()
    {
        var (first, second) = (Blame.Of([V1, V2], 1), Blame.Of([V1, V2], 2));
        var unchanged = first.First(b => !b.IsBlank && second.Any(s => s.Anchor == b.Anchor));
        Assert.Equal(unchanged.Text, second.Single(s => s.Anchor == unchanged.Anchor).Text);
        foreach (var changed in second.Where(s => s.Revision == 2))
        {
            var older = Assert.Single(changed.Replaces);
            Assert.StartsWith("r1-", older);
            Assert.DoesNotContain(second, s => s.Anchor == older);
        }
    }

    [Fact]
    public void a_moved_paragraph_keeps_its_anchor()
    {
        const string one = "De eerste alinea hier.\n\nDe tweede alinea hier.\n\nDe derde alinea hier.\n";
        const string two = "De derde alinea hier.\n\nDe eerste alinea hier.\n\nDe tweede alinea hier.\n";
        var moved = Blame.Of([one, two], 2).Single(b => b.Text.StartsWith("De derde"));
        Assert.Equal((1, "r1-5", 1), (moved.Revision, moved.Anchor, moved.Line));
    }

    [Fact]
    public void a_paragraph_changed_twice_names_both_earlier_forms()
    {
        const string one = "De eerste alinea hier.\n\nDe tweede alinea van deze korte tekst.\n";
        const string two = "De eerste alinea hier.\n\nDe tweede alinea van deze herziene tekst.\n";
        const string three = "De eerste alinea hier.\n\nDe tweede alinea van deze opnieuw herziene tekst.\n";
        var twice = Blame.Of([one, two, three], 3).Single(b => b.Text.StartsWith("De tweede"));
        Assert.Equal((3, "r3-3"), (twice.Revision, twice.Anchor));
        Assert.Equal(["r2-3", "r1-3"], twice.Replaces);
    }

    [Fact]
    public void a_revision_that_does_not_exist_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Blame.Of([V1], 2));
}
