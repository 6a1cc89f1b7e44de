using Archive.Content.Diffing;
using Archive.Content.OpenData;

namespace Archive.Tests.OpenData;

public class when_reading_docx_files
{
    static string Text(string file) => DocxText.Extract(File.OpenRead(OdpFixture.Path($"docx/{file}"))).Value!;

    [Fact]
    public void the_text_comes_in_reading_order_with_the_footnotes_last()
    {
        var text = Text("2026D04632-v1.docx");
        Assert.StartsWith("Nr.\n\nINBRENG VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\n\nVastgesteld …………. 2026\n", text);
        Assert.True(text.IndexOf("Inbreng leden van de VVD-fractie", StringComparison.Ordinal) < text.IndexOf("Inbreng leden van de CDA-fractie", StringComparison.Ordinal));
        Assert.EndsWith("Zie UN Global Marketplace: https://www.ungm.org/Shared/KnowledgeCenter/Pages/asr_data_country↩︎\n", text);
        Assert.DoesNotContain("\n\n\n", text);
    }

    [Fact]
    public void the_two_versions_differ_by_exactly_the_five_changes()
    {
        var diff = TextDiffer.Compare(Text("2026D04632-v1.docx"), Text("2026D04632-v2.docx"));
        Assert.Equal(["………….→9 februari", "…….→6 februari", "dien→dient", "parters→partners", "Investement→Investment"],
            diff.Rows.Where(r => r.Kind != RowKind.Equal)
                .Select(r => string.Concat(r.Ops.Where(o => o.Kind == OpKind.Delete).Select(o => o.Text)) + "→" + string.Concat(r.Ops.Where(o => o.Kind == OpKind.Insert).Select(o => o.Text))));
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4b, 0x03, 0x04, 0x00 })]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 })]
    [InlineData(new byte[0])]
    public void a_file_that_is_not_a_docx_is_refused(byte[] bytes)
    {
        var result = DocxText.Extract(new MemoryStream(bytes));
        Assert.False(result.Succeeded);
        Assert.Contains("not a readable .docx", result.Error);
    }
}
