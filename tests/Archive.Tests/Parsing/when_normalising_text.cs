using System.Text;
using Archive.Content.Text;

namespace Archive.Tests.Parsing;

public class when_normalising_text
{
    [Fact]
    public void line_endings_become_lf_and_trailing_whitespace_goes() =>
        Assert.Equal("a\nb\n\nc\n", NormalisedText.Normalise("a  \r\nb\t\r\n\r\nc\u00A0"));

    [Fact]
    public void blank_lines_around_the_text_go_but_inner_ones_and_indentation_stay() =>
        Assert.Equal("  • a\n\n\nb\n", NormalisedText.Normalise("\n\n  • a\n\n\nb\n\n\n"));

    [Fact]
    public void decomposed_letters_are_composed() =>
        Assert.Equal("geïnformeerd\n", NormalisedText.Normalise("gei\u0308nformeerd"));

    [Fact]
    public void a_bom_goes_and_empty_stays_empty()
    {
        Assert.Equal("x\n", NormalisedText.Normalise("\uFEFFx"));
        Assert.Equal("", NormalisedText.Normalise(" \r\n \n"));
    }

    [Fact]
    public void normalising_twice_is_normalising_once()
    {
        var once = NormalisedText.Normalise(Fixture.Text("2026D04632-v1.txt"));
        Assert.Equal(once, NormalisedText.Normalise(once));
    }

    [Fact]
    public void the_hash_is_sha256_of_the_normalised_utf8_bytes()
    {
        // sha256("abc\n"), as sha256sum prints it
        Assert.Equal("edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb", NormalisedText.Hash("abc\r\n  \r\n"));
        Assert.Equal(NormalisedText.Hash("gei\u0308nformeerd"), NormalisedText.Hash("geïnformeerd"));
    }

    [Theory]
    [InlineData(new byte[] { 0x4e, 0x6f, 0x74, 0x61, 0x20, 0xe9, 0x74, 0xe9 }, "not valid UTF-8")]   // "Nota été" in Latin-1
    [InlineData(new byte[] { 0x61, 0x00, 0x62 }, "NUL")]
    [InlineData(new byte[] { 0x20, 0x0a }, "only whitespace")]
    [InlineData(new byte[0], "empty")]
    public void bytes_that_are_not_utf8_text_are_refused(byte[] bytes, string reason)
    {
        Assert.False(Utf8Text.TryDecode(bytes, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void utf8_with_a_bom_is_text() =>
        Assert.True(Utf8Text.TryDecode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("één")], out _, out _));
}
