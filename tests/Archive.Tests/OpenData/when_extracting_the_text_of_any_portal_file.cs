using System.Text;
using Archive.Content.OpenData;
using static Archive.Tests.OpenData.RealFixture;

namespace Archive.Tests.OpenData;

/// <summary>The real portal files come from ../shared/fixtures/real (not in the repository); the tests reading them skip without it.</summary>
public class when_extracting_the_text_of_any_portal_file
{
    const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static readonly byte[] Html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><p>De Kamer,</p><p>gehoord de beraadslaging,</p></body></html>");

    static string Text(byte[] bytes, string? type)
    {
        var result = DocumentFileText.Extract(bytes, type);
        Assert.True(result.Succeeded, result.Error);
        return result.Value!;
    }

    [SkippableTheory]
    [InlineData(CederPdf, "application/pdf")]
    [InlineData(RikkersDocx, DocxType)]
    [InlineData(VerdonkDoc, "application/msword")]
    [InlineData(VerdonkDoc, "Application/MSWord; charset=binary")]
    public void a_file_is_read_by_the_reader_of_its_declared_type(string file, string type)
    {
        var expected = file.EndsWith(".pdf") ? PdfText.Extract(File.OpenRead(Path(file)))
            : file.EndsWith(".docx") ? DocxText.Extract(File.OpenRead(Path(file))) : DocText.Extract(File.OpenRead(Path(file)));

        Assert.Equal(expected.Value, Text(Bytes(file), type));
    }

    [Fact]
    public void html_and_plain_text_are_read_by_their_declared_type()
    {
        Assert.Equal("De Kamer,\n\ngehoord de beraadslaging,\n", Text(Html, "text/html; charset=utf-8"));
        Assert.Equal("De Kamer,\n\ngehoord de beraadslaging,\n", Text(Encoding.UTF8.GetBytes("\uFEFFDe Kamer,  \r\n\r\n\r\n\r\ngehoord de beraadslaging,\r\n"), "text/plain"));
    }

    [SkippableTheory]
    [InlineData(null)]
    [InlineData("application/octet-stream")]
    public void a_file_without_a_type_is_read_by_what_its_first_bytes_show(string? type)
    {
        Assert.Contains("MOTIE VAN HET LID CEDER", Text(Bytes(CederPdf), type));
        Assert.Contains("MOTIE VAN HET LID RIKKERS-OOSTERKAMP", Text(Bytes(RikkersDocx), type));
        Assert.Contains("MOTIE VAN HET LID VERDONK", Text(Bytes(VerdonkDoc), type));
        Assert.Equal("De Kamer,\n\ngehoord de beraadslaging,\n", Text(Html, type));
        Assert.Equal("De Kamer,\n", Text(Encoding.UTF8.GetBytes("\uFEFF\n  <HTML><p>De Kamer,</p></HTML>"), type));
    }

    [SkippableFact]
    public void a_type_the_archive_cannot_read_fails_naming_it()
    {
        var result = DocumentFileText.Extract(Bytes(CederPdf), "image/png");

        Assert.Equal("its type 'image/png' is not one the Archive can read (.pdf, .docx, .doc, .html, .txt)", result.Error);
    }

    [Fact]
    public void a_file_without_a_type_whose_first_bytes_show_none_fails_saying_so()
    {
        var result = DocumentFileText.Extract(Encoding.UTF8.GetBytes("GIF89a"), null);

        Assert.Equal("its type '(none)' is not one the Archive can read (.pdf, .docx, .doc, .html, .txt), nor are its first bytes those of one", result.Error);
    }

    [SkippableFact]
    public void a_declared_type_is_trusted_and_a_file_that_is_not_what_it_says_fails_in_its_reader()
    {
        Assert.Contains("not a readable PDF", DocumentFileText.Extract(Bytes(RikkersDocx), "application/pdf").Error);
        Assert.Equal("the file is not UTF-8 text", DocumentFileText.Extract(Bytes(CederPdf), "text/plain").Error);
    }

    [SkippableFact]
    public void a_truncated_doc_fails_with_a_reason()
    {
        var result = DocumentFileText.Extract(Bytes(VerdonkDoc)[..4096], "application/msword");

        Assert.False(result.Succeeded);
        Assert.StartsWith("antiword failed", result.Error);
    }

    [Theory]
    [InlineData("application/pdf", true)]
    [InlineData(DocxType, true)]
    [InlineData("application/msword", true)]
    [InlineData("TEXT/HTML; charset=windows-1252", true)]
    [InlineData("text/plain", true)]
    [InlineData("application/octet-stream", false)]
    [InlineData("image/png", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void it_says_which_types_it_reads(string? type, bool readable) => Assert.Equal(readable, DocumentFileText.CanRead(type));
}
