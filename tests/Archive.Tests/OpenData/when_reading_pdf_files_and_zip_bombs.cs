using System.IO.Compression;
using Archive.Content.OpenData;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Archive.Tests.OpenData;

public class when_reading_pdf_files_and_zip_bombs
{
    /// <summary>A real PDF, written by PdfPig's own writer: two pages of text.</summary>
    static byte[] Pdf(params string[][] pages)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            for (var k = 0; k < lines.Length; k++) page.AddText(lines[k], 12, new PdfPoint(50, 780 - 20 * k), font);
        }
        return builder.Build();
    }

    [Fact]
    public void a_pdf_gives_its_text_page_by_page()
    {
        var text = PdfText.Extract(new MemoryStream(Pdf(["Vastgesteld 9 februari 2026", "Inbreng leden van de VVD-fractie"], ["Antwoord van het kabinet:"]))).Value!;
        Assert.Contains("Vastgesteld 9 februari 2026", text);
        Assert.True(text.IndexOf("VVD-fractie", StringComparison.Ordinal) < text.IndexOf("Antwoord van het kabinet:", StringComparison.Ordinal));
        Assert.EndsWith("\n", text);
    }

    [Fact]
    public void lines_close_together_are_a_paragraph_and_a_wider_gap_starts_the_next()
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        foreach (var (line, y) in new[] { ("overwegende dat sinds president Trump aan de macht is", 700), ("de regering escalatie verkiest;", 686), ("verzoekt de regering,", 650) })
            page.AddText(line, 12, new PdfPoint(50, y), font);

        var text = PdfText.Extract(new MemoryStream(builder.Build())).Value!;

        Assert.Equal("overwegende dat sinds president Trump aan de macht is\nde regering escalatie verkiest;\n\nverzoekt de regering,\n", text);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e })]
    [InlineData(new byte[] { 0x50, 0x4b, 0x03, 0x04 })]
    public void a_damaged_pdf_is_refused(byte[] bytes)
    {
        var result = PdfText.Extract(new MemoryStream(bytes));
        Assert.False(result.Succeeded);
        Assert.Contains("not a readable PDF", result.Error);
    }

    [Fact]
    public void a_docx_that_would_unpack_to_far_more_than_it_weighs_is_refused_unopened()
    {
        using var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var k = 0; k < 64; k++) entry.Write(zeros);
        }
        Assert.True(bomb.Length < 1024 * 1024);
        bomb.Position = 0;
        var result = DocxText.Extract(bomb);
        Assert.False(result.Succeeded);
        Assert.Contains("a ratio no office document has (a zip bomb?)", result.Error);
    }
}
