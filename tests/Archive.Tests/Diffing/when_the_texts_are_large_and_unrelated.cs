using System.Diagnostics;
using System.Text;
using Archive.Content.Diffing;

namespace Archive.Tests.Diffing;

/// <summary>
/// The diff is never unbounded: past its time budget it answers a coarser diff that says so.
/// The bounds asserted here are generous on purpose; they catch a hang, not a slow machine.
/// </summary>
public class when_the_texts_are_large_and_unrelated
{
    static readonly string[] Vocabulary = "de het een van en in is dat op te voor met zijn niet aan ook als bij door kabinet leden fractie handel vragen antwoord staatssecretaris beleid Europese Nederland"
        .Split(' ');

    /// <summary>About <paramref name="bytes"/> of paragraphs of words from a small vocabulary: every paragraph looks like every other.</summary>
    static string Text(int seed, int bytes)
    {
        var random = new Random(seed);
        var text = new StringBuilder(bytes + 2000);
        while (text.Length < bytes)
        {
            for (var n = random.Next(80, 200); n > 0; n--) text.Append(Vocabulary[random.Next(Vocabulary.Length)]).Append(n == 1 ? ".\n\n" : " ");
        }
        return text.ToString();
    }

    [Fact]
    public void two_unrelated_5_mb_texts_get_a_coarser_answer_within_the_budget()
    {
        var (a, b) = (Text(1, 5_000_000), Text(2, 5_000_000));
        // Small enough that no machine compares 5 MB of paragraphs word by word within it, so the test
        // cannot pass by finishing early; what it checks is that the answer then says it is coarser.
        var budget = TimeSpan.FromMilliseconds(20);
        var clock = Stopwatch.StartNew();
        var diff = TextDiffer.Compare(a, b, new DiffOptions { Budget = budget });
        clock.Stop();

        Assert.True(diff.Coarser);
        Assert.Contains("time budget", diff.CoarserReason);
        Assert.Equal(a, diff.OldText());
        Assert.Equal(b, diff.NewText());
        Assert.True(clock.Elapsed < budget + TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void one_enormous_paragraph_against_another_is_compared_as_whole_lines()
    {
        var (a, b) = (Text(3, 1_000_000).Replace("\n", " ") + "\n", Text(4, 1_000_000).Replace("\n", " ") + "\n");
        var diff = TextDiffer.Compare(a, b);
        Assert.True(diff.Coarser);
        Assert.Equal([RowKind.Deleted, RowKind.Inserted], diff.Rows.Select(r => r.Kind));
        Assert.Equal(b, diff.NewText());
    }

    [Fact]
    public void with_the_default_budget_the_answer_is_still_exact()
    {
        var (a, b) = (Text(5, 5_000_000), Text(6, 5_000_000));
        var diff = TextDiffer.Compare(a, b);
        Assert.Equal(a, diff.OldText());
        Assert.Equal(b, diff.NewText());
        Assert.Equal(diff.Coarser, diff.CoarserReason is not null);
    }
}
