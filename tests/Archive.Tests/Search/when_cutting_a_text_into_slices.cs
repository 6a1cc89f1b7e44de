using Archive.Content.Search;
using CsCheck;

namespace Archive.Tests.Search;

public class when_cutting_a_text_into_slices
{
    [Fact]
    public void the_slices_put_together_are_the_text_and_none_is_too_long() =>
        Gen.Select(Gen.OneOf(Gen.String, Gen.String[Gen.Char["ab \n"], 0, 2_000]), Gen.Int[10, 300]).Sample((text, max) =>
        {
            var slices = TextSlices.Of(text, max);
            return string.Concat(slices) == text && slices.All(s => s.Length <= max) && slices.Count >= 1;
        });

    [Fact]
    public void a_slice_ends_at_a_paragraph_when_one_is_in_its_second_half()
    {
        var text = new string('a', 60) + "\n\n" + new string('b', 60) + "\n\n" + new string('c', 60);
        var slices = TextSlices.Of(text, 100);
        Assert.Equal(new string('a', 60) + "\n\n", slices[0]);
        Assert.StartsWith("b", slices[1]);
    }

    [Fact]
    public void a_short_text_is_one_slice() => Assert.Equal(["kort"], TextSlices.Of("kort"));
}
