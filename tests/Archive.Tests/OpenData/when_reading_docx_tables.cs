using Archive.Content.OpenData;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Archive.Tests.OpenData;

public class when_reading_docx_tables
{
    static Paragraph P(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    static TableCell Cell(params OpenXmlElement[] blocks) => new(blocks.Length == 0 ? [new Paragraph()] : blocks);
    static TableRow Row(params TableCell[] cells) => new(cells);

    /// <summary>A .docx written by the OpenXML SDK, with a footnote "Zie de brief." whose reference sits in a table cell.</summary>
    static string Text(params OpenXmlElement[] body)
    {
        using var file = new MemoryStream();
        using (var document = WordprocessingDocument.Create(file, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(body));
            document.MainDocumentPart!.AddNewPart<FootnotesPart>().Footnotes = new Footnotes(new Footnote(P("Zie de brief.")) { Id = 1 });
        }
        file.Position = 0;
        var result = DocxText.Extract(file);
        Assert.True(result.Succeeded, result.Error);
        return result.Value!;
    }

    [Fact]
    public void each_paragraph_of_a_cell_is_a_paragraph_of_its_own_row_by_row_and_cell_by_cell()
    {
        var text = Text(P("Voor de tabel."),
            new Table(Row(Cell(P("31 951")), Cell(P("overwegende, dat het zo is;"), new Paragraph(), P("verzoekt de regering,"))),
                Row(Cell(P("Nr. 17")), Cell(P("en gaat over tot de orde van de dag.")))),
            P("Na de tabel."));

        Assert.Equal("Voor de tabel.\n\n31 951\n\noverwegende, dat het zo is;\n\nverzoekt de regering,\n\nNr. 17\n\nen gaat over tot de orde van de dag.\n\nNa de tabel.\n", text);
    }

    [Fact]
    public void empty_cells_and_rows_leave_nothing()
    {
        var text = Text(new Table(Row(Cell(), Cell()), Row(Cell(P("De Kamer,")), Cell(P("   "))), Row(Cell(new Paragraph(), new Paragraph()))), P("Verdonk"));

        Assert.Equal("De Kamer,\n\nVerdonk\n", text);
    }

    [Fact]
    public void a_nested_table_is_read_in_place()
    {
        var inner = new Table(Row(Cell(P("binnen 1")), Cell(P("binnen 2"))));
        var text = Text(new Table(Row(Cell(P("buiten 1"), inner, P("buiten 2")), Cell(P("buiten 3")))));

        Assert.Equal("buiten 1\n\nbinnen 1\n\nbinnen 2\n\nbuiten 2\n\nbuiten 3\n", text);
    }

    [Fact]
    public void a_footnote_referenced_in_a_cell_is_numbered_there_and_given_at_the_end()
    {
        var cell = new Paragraph(new Run(new Text("verzoekt de regering,")), new Run(new FootnoteReference { Id = 1 }));
        var text = Text(new Table(Row(Cell(cell))), P("en gaat over tot de orde van de dag."));

        Assert.Equal("verzoekt de regering,1\n\nen gaat over tot de orde van de dag.\n\n1. Zie de brief.\n", text);
    }
}
