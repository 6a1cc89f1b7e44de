using System.Text;
using Archive.Content.Documents;
using Archive.Content.Input;
using Archive.Content.OpenData;
using Archive.Content.OpenTk;
using Archive.Content.Search;

namespace Archive.Fuzz;

/// <summary>An invariant of a parser's answer that did not hold: as much a finding as an exception.</summary>
public sealed class BrokenPromise(string message) : Exception(message);

/// <summary>
/// One parser under fuzz: the real inputs it starts from (our fixtures, and the real portal files
/// of ../shared/fixtures where it is there), words worth splicing in, and what one execution does.
/// A parser answers every input with a value or a reason; an exception escaping it, or a value that breaks the input rules (<see cref="Limits"/>, <see cref="Identifiers"/>), is a finding.
/// </summary>
public sealed record FuzzTarget(string Name, string Reads, Func<IReadOnlyList<byte[]>> Seeds, string[] Tokens, Action<byte[]> Run)
{
    public override string ToString() => Name;
}

public static class FuzzTargets
{
    const string RikkersDocx = "real/files/0787ced2-629a-4d32-ab8f-4b97a7680248.docx";
    const string ClaassenDocx = "real/files/09b97518-8d7c-4a90-a090-28e45bc44920.docx";
    const string CederPdf = "real/files/d7a5dc6c-3636-4acd-8630-96c14e97dcce.pdf";
    const string VerdonkDoc = "real/files/ca71487f-866a-43aa-a9d5-ec3e2c3a236c.doc";

    /// <summary>The real portal files the targets start from, as far as ../shared/fixtures is there: what a kept input is a delta against.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> RealFiles => LazyRealFiles.Value;

    static readonly Lazy<IReadOnlyList<(string Name, byte[] Bytes)>> LazyRealFiles = new(() =>
        SharedFixtures.Folder is null ? [] : [.. ((string[])[RikkersDocx, ClaassenDocx, CederPdf, VerdonkDoc]).Select(n => (n, File.ReadAllBytes(SharedFixtures.PathOf(n)!)))]);

    public static readonly FuzzTarget[] All =
    [
        new("opentk-page", "OpenTkPageParser.Parse (an OpenTK page's text export)", () => Files("2026D04632-v1.txt", "2026D04632-v2.txt"),
            ["Nummer: ", ", datum: ", ", bijgewerkt: ", ", versie: ", "Onderdeel van kamerstukdossier ", "Onderdeel van zaak ", "2026D04632",
             "36180 -196", "Preview document", "\n", "\r\n", " ", "\u0001", "\u0085", "\u2028", "\uFFFF", "9999-12-31 23:59", "0001-01-01", "-1"],
            OpenTkPage),
        new("syncfeed", "SyncFeedParser.Parse (a page of the portal's SyncFeed)", () => Files("odp/syncfeed/document-page-1.xml", "odp/syncfeed/documentversie-page-1.xml",
                "odp/syncfeed/kamerstukdossier-page-1.xml", "odp/syncfeed/zaak-page-1.xml", "odp/syncfeed/document-page-3-empty.xml"),
            ["<entry>", "</entry>", "<documentNummer>", "</documentNummer>", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "&a;", "<![CDATA[", "]]>", "&#x1;",
             "tk:bijgewerkt=\"", "tk:verwijderd=\"true\"", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00", "<link rel=\"next\" href=\"file:///etc/passwd\"/>"],
            bytes => SyncFeedParser.Parse(new MemoryStream(bytes))),
        new("docx", "DocxText.Extract (a .docx)", () => Files("odp/docx/2026D04632-v1.docx", RikkersDocx, ClaassenDocx),
            ["PK\u0003\u0004", "<w:p>", "</w:p>", "<w:t>", "</w:t>", "<w:footnoteReference w:id=\"1\"/>"],
            bytes => Text(DocxText.Extract(new MemoryStream(bytes)))),
        new("pdf", "PdfText.Extract (a .pdf)", () => Files(CederPdf),
            ["%PDF-1.7", "obj", "endobj", "stream\n", "endstream", "/Length 99999999", "/FlateDecode", "xref", "trailer", "<<", ">>"],
            bytes => Text(PdfText.Extract(new MemoryStream(bytes)))),
        new("html", "HtmlText.Extract (an .html file)", () => Files("html/motie-31951-17.html"),
            ["<p>", "</p>", "<table>", "<td>", "<script>", "<!--", "-->", "&nbsp;", "&#0;", "<div>"],
            bytes => Text(HtmlText.Extract(new MemoryStream(bytes)))),
        new("doc-output", "AntiwordDocBook.Read and AntiwordNotes.Read (what antiword prints for a .doc)", DocOutputs,
            ["<para>", "</para>", "<footnote>", "</footnote>", "<informaltable>", "<entry>", "[1]", "\f", "<?xml version=\"1.0\"?>", "<!DOCTYPE book>"],
            bytes =>
            {
                var text = Encoding.UTF8.GetString(bytes);
                if (AntiwordDocBook.Read(text) is { } body) Clean(body.Text, "the DocBook text");
                AntiwordNotes.Read(text);
            }),
        new("doc", "DocText.Extract (a .doc, through a real antiword process)", () => Files("doc/verslag-met-voetnoten.doc", VerdonkDoc),
            ["\u00d0\u00cf\u0011\u00e0", "\0\0\0\0"],
            bytes => Text(DocText.Extract(new MemoryStream(bytes)))),
        new("search-query", "SearchQuery.Parse and ToTsQuery (a search box)", () => Strings("motie -vervallen \"vraag 7\" or amendement", "2026D04632", "36180-196",
                "\"\"\"", "or or or", "-", "a:*|b&!c", "'); drop table x; --", "financiële brieven", new string('a', 200)),
            ["\"", "-", " or ", "OR", "&", "|", "!", ":*", "(", ")", "'", "\\", "2026D04632", "36180-196", "\u0000", "\u0301"],
            SearchBox),
        new("as-of", "AsOf.TryParse, TryParseHttpDate, DutchTime.TryParseLocal/TryParseDate, TkTime.TryParse (dates and instants)",
            () => Strings("2026-02-05", "2026-02-05T10:00", "2026-02-05T00:00:00Z", "2026-02-05T01:00:00+01:00", "Thu, 05 Feb 2026 00:00:00 GMT",
                "2026-02-02 09:51", "9999-12-31T23:59:59.9999999+14:00", "0001-01-01T00:00:00-14:00", "2026-03-29T02:30", "2026-10-25T02:30"),
            ["9999", "0001", "-14:00", "+14:00", "Z", "T", ".9999999", "24:00", "02:30", "GMT", "-", ":"],
            Moments),
    ];

    public static FuzzTarget Named(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"No fuzz target '{name}'; there are {string.Join(", ", All.Select(t => t.Name))}.");

    static void OpenTkPage(byte[] bytes)
    {
        var result = OpenTkPageParser.Parse(Encoding.UTF8.GetString(bytes));
        if (result.Value is not { } page) return;
        if (!Identifiers.IsDocumentNumber(page.Number)) throw new BrokenPromise($"took in the number {Identifiers.Quoted(page.Number)}");
        if (!Limits.IsVersion(page.SourceVersion)) throw new BrokenPromise($"took in versie {page.SourceVersion}");
        if (!Limits.InRange(page.SourceUpdatedAt)) throw new BrokenPromise($"took in bijgewerkt {page.SourceUpdatedAt:O}");
        if (page.Metadata.Date is { } date && !Limits.InRange(date)) throw new BrokenPromise($"took in datum {date:O}");
        if (page.Metadata.Title is { Length: > Limits.MaxHeadingLength }) throw new BrokenPromise("took in a titel over the limit");
        Clean(page.Body, "the text");
        Clean(page.Metadata.Title, "the titel");
        Clean(page.Metadata.Subject, "the onderwerp");
    }

    static void SearchBox(byte[] bytes)
    {
        var query = SearchQuery.Parse(Encoding.UTF8.GetString(bytes));
        _ = query.Size;
        _ = query.AnyOf;
        if (query.ToTsQuery() is { } tsquery && tsquery.Contains('\0')) throw new BrokenPromise("a NUL reached the tsquery");
    }

    static void Moments(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (AsOf.TryParse(text, out var instant) && !Limits.InRange(instant)) throw new BrokenPromise($"asOf took in {instant:O}");
        if (AsOf.TryParseHttpDate(text, out instant) && !Limits.InRange(instant)) throw new BrokenPromise($"Accept-Datetime took in {instant:O}");
        if (DutchTime.TryParseLocal(text, out instant) && !Limits.InRange(instant)) throw new BrokenPromise($"a local time took in {instant:O}");
        if (DutchTime.TryParseDate(text, out var date) && !Limits.InRange(date)) throw new BrokenPromise($"a date took in {date:O}");
        if (TkTime.TryParse(text, out var time) && !Limits.InRange(time.Instant)) throw new BrokenPromise($"a portal time took in {time.Instant:O}");
    }

    static void Text(ParseResult<string> result)
    {
        if (result.Value is { } text) Clean(text, "the text");
        else if (string.IsNullOrEmpty(result.Error)) throw new BrokenPromise("neither a text nor a reason");
    }

    static void Clean(string? text, string what)
    {
        if (text is not null && text.Any(c => c is < ' ' and not ('\n' or '\t' or '\r') || c is >= '\u007f' and <= '\u009f'))
            throw new BrokenPromise($"{what} holds a control character");
    }

    /// <summary>Our fixtures, and the real files ("real/…") of ../shared/fixtures where it is there (none without it).</summary>
    static IReadOnlyList<byte[]> Files(params string[] names) =>
        names.Select(FixturePath).OfType<string>().Select(File.ReadAllBytes).ToList();

    static string? FixturePath(string name) =>
        name.StartsWith("real/", StringComparison.Ordinal) ? SharedFixtures.PathOf(name) : Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    static IReadOnlyList<byte[]> Strings(params string[] texts) => texts.Select(Encoding.UTF8.GetBytes).ToList();

    /// <summary>What antiword prints for the fixture .doc files, as DocBook and as text: the input of our own half of reading a .doc.</summary>
    static IReadOnlyList<byte[]> DocOutputs()
    {
        var outputs = new List<byte[]>();
        foreach (var file in new[] { "doc/verslag-met-voetnoten.doc", VerdonkDoc }.Select(FixturePath).OfType<string>())
            foreach (var options in new[] { new[] { "-x", "db" }, ["-m", "UTF-8.txt", "-w", "0"] })
            {
                var run = ConverterProcess.Run("antiword", "antiword", [.. options, file], DocText.Timeout, DocText.MaxTextBytes);
                if (run.Value is { } text) outputs.Add(Encoding.UTF8.GetBytes(text));
            }
        return outputs.Count > 0 ? outputs : throw new InvalidOperationException("antiword printed nothing for the fixture .doc files; is it installed?");
    }
}
