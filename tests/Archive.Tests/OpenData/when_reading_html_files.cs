using System.Text;
using Archive.Content.OpenData;

namespace Archive.Tests.OpenData;

public class when_reading_html_files
{
    static string Text(byte[] html)
    {
        var result = HtmlText.Extract(new MemoryStream(html));
        Assert.True(result.Succeeded, result.Error);
        return result.Value!;
    }

    /// <summary>
    /// motie-31951-17.html: a page in windows-1252, as Word saved them, that says so only in a
    /// &lt;meta&gt;; entities, a style and two scripts, a table with an empty row, a &lt;br&gt;, a list, a &lt;pre&gt;.
    /// </summary>
    [Fact]
    public void a_page_gives_a_paragraph_per_block_and_nothing_of_its_head_scripts_and_styles()
    {
        var text = Text(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "html", "motie-31951-17.html")));

        Assert.Equal("""
            Tweede Kamer der Staten-Generaal

            Vergaderjaar 2008–2009

            31 951

            Verantwoordingsbrief 2008

            Nr. 17

            MOTIE VAN HET LID VERDONK

            Voorgesteld 28 mei 2009

            De Kamer,

            gehoord de beraadslaging,

            overwegende, dat de controlerende functie van het parlement door de huidige vorm van verantwoordingsdag niet goed kan functioneren;

            overwegende, dat de verantwoording over het afgelopen jaar relevant is voor de beoordeling van de begroting & de financiën van het lopende jaar;

            verzoekt de Kamer de effectiviteit van de overheidsfinanciën te bevorderen,

            en gaat over tot de orde van de dag.

            Verdonk

            Coördinatie: ‘griffie’

            Zie ook www.tweedekamer.nl

            Kamerstuk   31 951

            nr.         17

            """, text);
        Assert.DoesNotContain("Motie van het lid Verdonk over", text);
        Assert.DoesNotContain("font-family", text);
        Assert.DoesNotContain("nooit", text);
        Assert.DoesNotContain("nietTonen", text);
    }

    [Fact]
    public void a_meta_with_a_content_of_100000_characters_is_read_in_linear_time_and_the_text_decoded()
    {
        // AngleSharp read such a content attribute in cubic time (100,000 characters: 5 s; the fuzzer found it).
        var page = Encoding.Latin1.GetBytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html" + new string(',', 100_000) +
            "\"><meta charset=\"windows-1252\"></head><body><p>Curaçao</p></body></html>");
        Assert.Equal("Curaçao\n", Text(page));
    }

    [Fact]
    public void a_page_in_utf8_is_read_as_utf8_with_or_without_a_bom()
    {
        var page = Encoding.UTF8.GetBytes("<p>de financiën van Curaçao</p>");

        Assert.Equal("de financiën van Curaçao\n", Text(page));
        Assert.Equal("de financiën van Curaçao\n", Text([.. Encoding.UTF8.Preamble, .. page]));
    }

    [Fact]
    public void inline_elements_stay_in_their_paragraph_and_white_space_is_one_space()
    {
        var text = Text(Encoding.UTF8.GetBytes("<div>De <b>Kamer</b>,\n   <i> gehoord</i>  de<span> beraadslaging</span></div><p>&nbsp;</p><p></p><div><div>binnen</div>na</div>"));

        Assert.Equal("De Kamer, gehoord de beraadslaging\n\nbinnen\n\nna\n", text);
    }

    [Fact]
    public void elements_nested_deeper_than_a_stack_reaches_are_read()
    {
        var depth = 100_000;
        var page = string.Concat(Enumerable.Repeat("<span>", depth)) + "diep" + string.Concat(Enumerable.Repeat("</span>", depth));

        Assert.Equal("diep\n", Text(Encoding.UTF8.GetBytes(page)));
    }
}
