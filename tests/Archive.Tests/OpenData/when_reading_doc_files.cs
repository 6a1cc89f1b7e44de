using System.Runtime.InteropServices;
using Archive.Content.OpenData;

namespace Archive.Tests.OpenData;

/// <summary>
/// These need Debian's antiword, which scripts/test installs (ensure_converters in scripts/lib.sh);
/// those reading the real .doc need ../shared/fixtures/real and skip without it.
/// </summary>
public class when_reading_doc_files
{
    static string Doc(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "doc", name);

    /// <summary>
    /// verslag-met-voetnoten.doc was written by LibreOffice 7.4 from verslag-met-voetnoten.fodt beside it
    /// (soffice --headless --convert-to doc): a heading, a paragraph with a footnote, bold text and
    /// escapes, two empty paragraphs, a list, a table whose cell holds two paragraphs and a footnote
    /// of two paragraphs, and an empty row.
    /// </summary>
    [Fact]
    public void a_doc_gives_its_paragraphs_its_cells_and_its_footnotes()
    {
        var result = DocText.Extract(File.OpenRead(Doc("verslag-met-voetnoten.doc")));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("""
            Verslag van een schriftelijk overleg

            De vaste commissie voor Binnenlandse Zaken heeft enkele vragen en opmerkingen voorgelegd aan de minister over de brief van 12 maart 2008 inzake de financiën van gemeenten & provincies (Kamerstuk 31 200 B, nr. 17).1 De vragen zijn vet gedrukt waar het om een a < b gaat.

            eerste punt

            tweede punt

            31 951

            overwegende, dat de controlerende functie van het parlement door de huidige vorm van verantwoordingsdag niet goed kan functioneren;

            verzoekt de regering de Kamer te informeren,2

            Slotzin na de tabel.

            1. Kamerstuk 31 200 B, nr. 17.
            2. Zie de brief van 1 april 2008. Tweede alinea van de noot.

            """, result.Value);
    }

    [SkippableTheory]
    [InlineData(8)]
    [InlineData(4096)]
    [InlineData(16384)]
    public void a_truncated_doc_fails_with_antiwords_reason(int length)
    {
        var bytes = RealFixture.Bytes(RealFixture.VerdonkDoc)[..length];

        var result = DocText.Extract(new MemoryStream(bytes));

        Assert.False(result.Succeeded);
        Assert.StartsWith("antiword failed (exit code 1): ", result.Error);
        Assert.DoesNotContain("/tmp", result.Error);
    }

    [Fact]
    public void a_missing_antiword_is_a_reason()
    {
        var result = DocText.Extract(File.OpenRead(Doc("verslag-met-voetnoten.doc")), antiword: "/nonexistent/antiword");

        Assert.Equal("/nonexistent/antiword is not installed (apt-get install antiword)", result.Error);
    }

    [DllImport("libc", SetLastError = true)]
    static extern int mkfifo(string path, uint mode);

    /// <summary>antiword opening a named pipe that nobody writes to waits for ever: a converter that hangs.</summary>
    [Fact]
    public void a_converter_that_takes_too_long_is_stopped()
    {
        var pipe = Path.Combine(Path.GetTempPath(), $"archive-test-{Guid.NewGuid():N}.doc");
        Assert.Equal(0, mkfifo(pipe, 0b110_000_000));
        try
        {
            var started = DateTime.UtcNow;
            var result = ConverterProcess.Run("antiword", "antiword", [pipe], TimeSpan.FromSeconds(1), 1024 * 1024);

            Assert.Equal("antiword did not finish within 1 s and was stopped", result.Error);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        }
        finally
        {
            File.Delete(pipe);
        }
    }

    [SkippableFact]
    public void a_converter_that_prints_too_much_is_stopped()
    {
        var result = ConverterProcess.Run("antiword", "antiword", [RealFixture.Path(RealFixture.VerdonkDoc)], TimeSpan.FromSeconds(30), 100);

        Assert.Equal("antiword printed more than 100 bytes and was stopped", result.Error);
    }
}
