using System.Text;
using Archive.Content.Diffing;
using CsCheck;

namespace Archive.Tests.Diffing;

/// <summary>
/// Past 20,000 lines, lines are aligned around runs of three lines that each side has once, and the
/// minimal diff runs only between them. The alignment must still be a common subsequence, and where
/// the edits are scattered (the usual case for a new version) it must match as many lines as the
/// minimal diff does.
/// </summary>
public class when_long_texts_are_aligned_around_anchors
{
    /// <summary>A sequence of numbers from a small alphabet, so that single values repeat often, and an edited copy of it.</summary>
    static readonly Gen<(int[] Old, int[] New)> APair =
        Gen.Select(Gen.Int[1, 400], Gen.Int[0, 3_000], Gen.Int[0, 60], Gen.Int[0, int.MaxValue], (alphabet, length, edits, seed) =>
        {
            var random = new Random(seed);
            var old = Enumerable.Range(0, length).Select(_ => random.Next(alphabet)).ToArray();
            var @new = old.ToList();
            for (var e = 0; e < edits; e++)
            {
                var at = @new.Count == 0 ? 0 : random.Next(@new.Count);
                switch (random.Next(3))
                {
                    case 0: @new.Insert(at, random.Next(alphabet + 50)); break;
                    case 1 when @new.Count > 0: @new.RemoveAt(at); break;
                    case 2 when @new.Count > 0: @new[at] = random.Next(alphabet + 50); break;
                }
            }
            return (old, @new.ToArray());
        });

    [Fact]
    public void the_anchored_alignment_is_a_common_subsequence() =>
        APair.Sample(pair =>
        {
            var matches = SequenceDiff.AnchoredMatches(pair.Old, pair.New);
            for (var k = 0; k < matches.Count; k++)
            {
                Assert.Equal(pair.Old[matches[k].Old], pair.New[matches[k].New]);
                if (k > 0) Assert.True(matches[k].Old > matches[k - 1].Old && matches[k].New > matches[k - 1].New);
            }
        }, iter: 300);

    [Fact]
    public void with_scattered_edits_it_matches_as_many_lines_as_the_minimal_diff()
    {
        // Like the 5 MB benchmark pair: a hundred distinct paragraphs shuffled into 30,000 lines, and one line in eight replaced.
        var random = new Random(2026);
        var old = Enumerable.Range(0, 30_000).Select(_ => random.Next(100)).ToArray();
        var @new = old.Select(v => random.Next(8) == 0 ? random.Next(100) : v).ToArray();

        var anchored = SequenceDiff.AnchoredMatches(old, @new);
        var minimal = SequenceDiff.Matches(old, @new);

        Assert.True(minimal.Count > 26_000, $"the minimal diff matched only {minimal.Count}");
        Assert.Equal(minimal.Count, anchored.Count);
    }

    [Fact]
    public void a_long_text_with_a_changed_line_in_every_hundred_shows_exactly_those_lines_changed()
    {
        // Every third line is one of its kind (anchors come from those), the others repeat all through the text.
        var lines = Enumerable.Range(0, 25_000)
            .Select(n => n % 3 == 0 ? $"Alinea {n} van de tekst, met woorden die terugkomen.\n" : $"Een regel {n % 7} met woorden die vaak terugkomt.\n")
            .ToArray();
        var changed = lines.Select((line, n) => n % 100 == 7 ? line.Replace("woorden", "zinnen") : line).ToArray();
        var (a, b) = (string.Concat(lines), string.Concat(changed));

        var diff = TextDiffer.Compare(a, b);

        Assert.False(diff.Coarser);
        Assert.Equal(a, diff.OldText());
        Assert.Equal(b, diff.NewText());
        var rows = diff.Rows.Where(r => r.Kind != RowKind.Equal).ToList();
        Assert.All(rows, r => Assert.Equal(RowKind.Changed, r.Kind));
        Assert.Equal(Enumerable.Range(0, 250).Select(k => k * 100 + 7), rows.Select(r => r.NewLine!.Value));
        Assert.All(rows, r => Assert.Equal([OpKind.Equal, OpKind.Delete, OpKind.Insert, OpKind.Equal], r.Ops.Select(o => o.Kind)));
    }
}
