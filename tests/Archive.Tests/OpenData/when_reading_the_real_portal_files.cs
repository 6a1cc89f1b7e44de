using System.Xml.Linq;
using Archive.Content.OpenData;
using static Archive.Tests.OpenData.RealFixture;

namespace Archive.Tests.OpenData;

/// <summary>
/// The files the portal really serves, against the official publication of the same motie (koop/):
/// the reference for its text and the order of its paragraphs. They are read from
/// ../shared/fixtures/real (not in the repository); without it these skip.
/// </summary>
public class when_reading_the_real_portal_files
{
    static string[] DocxParagraphs(string file)
    {
        var result = DocxText.Extract(File.OpenRead(Path(file)));
        Assert.True(result.Succeeded, result.Error);
        return Paragraphs(result.Value!);
    }

    /// <summary>The head of the Kamerstuk as the portal's file sets it, then the body, all from the publication.</summary>
    static List<string> Official(string koop)
    {
        var xml = XDocument.Load(Path(koop));
        string Line(string inhoud) => xml.Descendants("tekstregel").Single(t => (string?)t.Attribute("inhoud") == inhoud).Value;
        var stuk = xml.Descendants("stuk").Single();
        // The file sets the name of the Kamer in capitals; the publication in small capitals, stored as lower case.
        return [Line("kameraanduiding").ToUpperInvariant(), Line("kamernummer"), Line("vergaderjaar"),
            RealFixture.Official(koop, "dossiernr"), Collapsed(xml.Descendants("dossier").Single().Element("titel")!.Value),
            Collapsed(stuk.Element("stuknr")!.Value), Collapsed(stuk.Element("titel")!.Value), Collapsed(stuk.Element("datumtekst")!.Value),
            .. OfficialBody(koop)];
    }

    [SkippableFact]
    public void a_motie_in_table_cells_has_a_paragraph_per_clause()
    {
        var paragraphs = DocxParagraphs(RikkersDocx);

        Assert.Equal(Official(RikkersKoop), paragraphs.Select(Collapsed));
        Assert.Equal(15, paragraphs.Length);
        Assert.Contains("overwegende dat de Wet kwaliteitsregistraties zorg mede beoogt om de administratieve lasten voor zorgverleners te verlagen;", paragraphs);
        Assert.Contains("overwegende dat heldere, toetsbare doelen noodzakelijk zijn om daadwerkelijk te kunnen beoordelen of administratieve lasten ook daadwerkelijk afnemen;", paragraphs);
        Assert.Contains("verzoekt de regering om door het Zorginstituut het aantal uitgevraagde kwaliteitsindicatoren jaarlijks in beeld te laten brengen en dit te communiceren met de Kamer,", paragraphs);
    }

    [SkippableFact]
    public void an_older_version_of_a_motie_differs_from_its_publication_only_where_it_was_edited()
    {
        var official = Official(ClaassenKoop);
        // The file is older than the publication, which differs from it in two places: the subtitle
        // became part of the title, in capitals, and the space before a semicolon went.
        var title = official.IndexOf("GEWIJZIGDE MOTIE VAN HET LID CLAASSEN TER VERVANGING VAN DIE GEDRUKT ONDER NR. 8");
        official[title] = "GEWIJZIGDE MOTIE VAN HET LID CLAASSEN";
        official.Insert(title + 1, "Ter vervanging van die gedrukt onder nr. 8");
        var second = official.FindIndex(p => p.StartsWith("constaterende, dat apothekers", StringComparison.Ordinal));
        official[second] = official[second].Replace("hebben;", "hebben ;");

        var paragraphs = DocxParagraphs(ClaassenDocx);

        Assert.Equal(official, paragraphs.Select(Collapsed));
        Assert.Equal(17, paragraphs.Length);
        // The author typed a space before "verzoekt"; the reader keeps it, as it keeps every character
        // of a paragraph (only the comparison above, which collapses white space, does not see it).
        Assert.Contains(" verzoekt de regering in aanloop naar de wijziging van de Europese regelgeving", paragraphs.Single(p => p.Contains("verzoekt", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public void no_clause_of_a_motie_in_table_cells_is_joined_to_another()
    {
        foreach (var file in (string[])[RikkersDocx, ClaassenDocx])
        {
            var clauses = DocxParagraphs(file).Where(p => p.TrimStart().StartsWith("constaterende", StringComparison.Ordinal)
                || p.TrimStart().StartsWith("overwegende", StringComparison.Ordinal) || p.TrimStart().StartsWith("verzoekt", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, clauses.Count);
            Assert.All(clauses, c => Assert.DoesNotContain(" | ", c));
            Assert.All(clauses, c => Assert.Single(System.Text.RegularExpressions.Regex.Matches(c, "constaterende|overwegende|verzoekt")));
        }
    }

    /// <summary>
    /// What another program makes of a real file: a second opinion, made at test time (a text made
    /// from a real file is not committed either). Skips where the program is not installed.
    /// </summary>
    static string SecondOpinion(string program, string package, params string[] arguments)
    {
        var result = ConverterProcess.Run(program, package, arguments, TimeSpan.FromSeconds(60), 16 * 1024 * 1024);
        Skip.If(result.Error?.EndsWith(" is not installed (apt-get install " + package + ")", StringComparison.Ordinal) == true,
            $"needs {program} (apt-get install {package}; scripts/test installs it)");
        Assert.True(result.Succeeded, result.Error);
        return result.Value!;
    }

    /// <summary>
    /// There is no official publication of this motie here; its second opinion is catdoc's text
    /// (<c>catdoc -w -d utf-8</c>, Debian's catdoc; 0.95 agreed), a line a paragraph and the cells of a table
    /// row separated by tabs. Compared paragraph by paragraph, white space collapsed.
    /// </summary>
    [SkippableFact]
    public void a_word_97_motie_in_table_cells_has_the_paragraphs_catdoc_finds()
    {
        var catdoc = SecondOpinion("catdoc", "catdoc", "-w", "-d", "utf-8", Path(VerdonkDoc)).ReplaceLineEndings("\n").Split('\n')
            .SelectMany(line => line.Split('\t')).Select(Collapsed).Where(cell => cell.Length > 0);
        var result = DocText.Extract(File.OpenRead(Path(VerdonkDoc)));
        Assert.True(result.Succeeded, result.Error);

        var paragraphs = Paragraphs(result.Value!);

        Assert.Equal(catdoc, paragraphs.Select(Collapsed));
        Assert.Equal(16, paragraphs.Length);
        Assert.Equal(3, paragraphs.Count(p => p.StartsWith("overwegende, dat ", StringComparison.Ordinal)));
        Assert.Contains("verzoekt de Kamer af te zien van de voortzetting van verantwoordingsdag en deze voortaan samen te voegen met de begrotingsbehandeling, daarbij gebruikmakend van de voorgestelde beperktere systematiek om zodoende de effectiviteit van de overheidsfinanciën te bevorderen,", paragraphs);
    }

    static string PdfTextOf(string file)
    {
        var result = PdfText.Extract(File.OpenRead(Path(file)));
        Assert.True(result.Succeeded, result.Error);
        return result.Value!;
    }

    /// <summary>
    /// A PDF keeps the lines the typesetter broke, so a paragraph is compared with its lines joined
    /// (white space collapsed). The publication's &lt;al-groep&gt; is one paragraph in the PDF.
    /// </summary>
    [SkippableFact]
    public void a_motie_in_a_pdf_has_the_paragraphs_of_its_publication_from_de_kamer_to_the_signature()
    {
        var paragraphs = Paragraphs(PdfTextOf(CederPdf)).Select(Collapsed).ToList();
        var body = OfficialBody(CederKoop);

        var start = paragraphs.IndexOf("De Kamer,");

        Assert.Equal(body, paragraphs[start..(start + body.Length)]);
        Assert.Equal(8, body.Length);
        Assert.Equal(13, paragraphs.Count);
    }

    /// <summary>
    /// The head and the colophon are laid out in two columns, which PdfPig and pdftotext put in the
    /// same order but break into lines and paragraphs differently (PdfPig: "Nr. 3121  MOTIE VAN HET
    /// LID CEDER" on one line); so the whole text is compared word for word, white space collapsed,
    /// with pdftotext's (Debian's poppler-utils; poppler 22.12 agreed).
    /// </summary>
    [SkippableFact]
    public void a_pdf_has_the_words_pdftotext_finds_in_the_same_order()
    {
        var pdftotext = SecondOpinion("pdftotext", "poppler-utils", Path(CederPdf), "-");

        Assert.Equal(Collapsed(pdftotext), Collapsed(PdfTextOf(CederPdf)));
    }
}
