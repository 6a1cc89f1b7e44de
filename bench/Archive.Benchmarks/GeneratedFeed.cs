using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Archive.Benchmarks;

/// <summary>
/// A SyncFeed of N generated documents on loopback, for timing the sync, with the faults of the
/// real portal: each document with its version, dossiers of 50 documents and one of 2,000, a case
/// per 10 documents, 250 entries a page as the portal pages. Files are the fixture's .docx, each made
/// distinct bytes by a zip comment (the same text), except 1 % Word 97 .doc files (our own fixture),
/// 0.5 % missing and 0.5 % of another size than announced.
/// GET /control/resend starts the second act: 10 % of the cases, a page of 250 small dossiers and
/// then, on a page of its own, the 2,000-document dossier are sent again unchanged (as the portal
/// does when their ApiGewijzigdOp moves).
/// GET /control/downloads says how many files were asked for.
/// </summary>
public static class GeneratedFeed
{
    const int PageSize = 250, PerCase = 10, PerDossier = 50, BigDossier = 2000;
    const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Doc = "application/msword";
    const string Tk = "xmlns=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\" xmlns:tk=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\"";
    static int _downloads, _resent;

    public enum Fault { None, Doc, Missing, OtherSize }

    /// <summary>Which fault document n has: 1 in 100 a .doc, 1 in 200 missing, 1 in 200 of another size.</summary>
    public static Fault FaultOf(int n) => (n % 200) switch { 17 or 117 => Fault.Doc, 43 => Fault.Missing, 91 => Fault.OtherSize, _ => Fault.None };

    public static async Task ServeAsync(int documents)
    {
        var root = Path.Combine(DiffPair.Root, "tests", "Archive.Tests", "Fixtures");
        var template = File.ReadAllBytes(Path.Combine(root, "odp", "docx", "2026D04632-v1.docx"));
        var doc = File.ReadAllBytes(Path.Combine(root, "doc", "verslag-met-voetnoten.doc"));
        var docxSize = template.Length + CommentBytes;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/SyncFeed/2.0/Feed", (HttpRequest r, string category, int? skiptoken) =>
            Results.Text(Page($"{r.Scheme}://{r.Host}/SyncFeed/2.0", category, skiptoken ?? 0, documents, docxSize, doc.Length), "application/atom+xml"));
        app.MapGet("/SyncFeed/2.0/Resources/{id}", (Guid id) =>
        {
            Interlocked.Increment(ref _downloads);
            var n = (int)long.Parse(id.ToString()[^12..], System.Globalization.NumberStyles.HexNumber);
            return FaultOf(n) switch
            {
                Fault.Missing => Results.NotFound(),
                Fault.Doc => Results.Bytes(doc, Doc),
                Fault.OtherSize => Results.Bytes([.. Distinct(template, n), 0, 0, 0], Docx),
                _ => Results.Bytes(Distinct(template, n), Docx),
            };
        });
        app.MapGet("/control/resend", () => { Interlocked.Exchange(ref _resent, 1); return "resending"; });
        app.MapGet("/control/downloads", () => Volatile.Read(ref _downloads).ToString());
        await app.StartAsync();
        Console.WriteLine($"serving {documents} generated documents at {app.Urls.First()}/SyncFeed/2.0");
        await Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.WaitForShutdownAsync(app);
    }

    const int CommentBytes = 16;

    /// <summary>
    /// The template .docx with a zip comment naming document n: every document's file is distinct
    /// bytes, as the portal's are (so that keeping originals is measured without deduplication),
    /// of one size, and reads as the same text.
    /// </summary>
    static byte[] Distinct(byte[] docx, int n)
    {
        if (docx[^22] != 0x50 || docx[^21] != 0x4b || docx[^20] != 0x05 || docx[^19] != 0x06)
            throw new InvalidOperationException("the template .docx must end in a zip directory without a comment");
        var file = new byte[docx.Length + CommentBytes];
        docx.CopyTo(file, 0);
        (file[docx.Length - 2], file[docx.Length - 1]) = (CommentBytes, 0);
        System.Text.Encoding.ASCII.GetBytes($"document {n:D7}").CopyTo(file, docx.Length);
        return file;
    }

    static Guid Id(int kind, int n) => new($"{kind:x8}-0000-4000-8000-{n:x12}");

    static int Dossiers(int documents) => (documents - BigDossier + PerDossier - 1) / PerDossier + 1;

    /// <summary>The first 2,000 documents are the big dossier (0), the others 50 to a dossier.</summary>
    static int DossierOf(int n) => n < BigDossier ? 0 : 1 + (n - BigDossier) / PerDossier;

    static string Page(string baseUrl, string category, int from, int documents, int docxSize, int docSize)
    {
        var cases = (documents + PerCase - 1) / PerCase;
        var resent = Volatile.Read(ref _resent) == 1;
        var count = category switch
        {
            "Document" or "DocumentVersie" => documents,
            "Kamerstukdossier" => Dossiers(documents) + (resent ? PageSize + 1 : 0),
            "Zaak" => cases + (resent ? cases / 10 : 0),
            _ => 0,
        };
        var xml = new StringBuilder($"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>SyncFeed</title><id>{baseUrl}/Feed?category={category}</id><updated>2026-02-09T13:31:02Z</updated>\n");
        for (var n = from; n < Math.Min(count, from + PageSize); n++)
        {
            var (id, entity) = category switch
            {
                "Document" => (Id(1, n), Document(n, docxSize, docSize)),
                "DocumentVersie" => (Id(2, n), $"""<documentVersie id="{Id(2, n)}" tk:bijgewerkt="2026-02-02T08:51:23Z" tk:verwijderd="false" {Tk}><document ref="{Id(1, n)}"/><status>Vrijgegeven</status><versienummer>1</versienummer><bestandsgrootte>{docxSize}</bestandsgrootte><extensie>.docx</extensie></documentVersie>"""),
                "Kamerstukdossier" => Dossier(n < Dossiers(documents) ? n : n - Dossiers(documents) < PageSize ? 1 + n - Dossiers(documents) : 0, documents),
                _ => Case(n < cases ? n : (n - cases) * 10),
            };
            xml.Append($"<entry><title>{id}</title><id>{baseUrl}/Entiteiten/{id}</id><updated>2026-02-02T09:02:17Z</updated><category term=\"{category}\"/>")
                .Append($"<link rel=\"next\" href=\"{baseUrl}/Feed?category={category}&amp;skiptoken={n + 1}\"/>")
                .Append(category == "Document" ? $"<link rel=\"enclosure\" href=\"{baseUrl}/Resources/{id}\"/>" : "")
                .Append($"<content type=\"application/xml\">{entity}</content></entry>\n");
        }
        return xml.Append("</feed>\n").ToString();
    }

    static string Document(int n, int docxSize, int docSize)
    {
        var (type, size) = FaultOf(n) == Fault.Doc ? (Doc, docSize) : (Docx, docxSize);
        return $"""<document id="{Id(1, n)}" tk:bijgewerkt="2026-02-02T08:51:23Z" tk:verwijderd="false" tk:contentType="{type}" tk:contentLength="{size}" {Tk}><huidigeDocumentVersie ref="{Id(2, n)}"/><zaak ref="{Id(4, n / PerCase)}"/><kamerstukdossier ref="{Id(3, DossierOf(n))}"/><soort>Brief regering</soort><documentNummer>2097D{n:D5}</documentNummer><titel>Generated document {n}</titel><onderwerp>Onderwerp {n}</onderwerp><datum>2026-01-30T00:00:00</datum><volgnummer>{n + 1}</volgnummer></document>""";
    }

    static (Guid, string) Dossier(int k, int documents) =>
        (Id(3, k), $"""<kamerstukdossier id="{Id(3, k)}" tk:bijgewerkt="2026-02-02T08:50:40Z" tk:verwijderd="false" {Tk}><titel>Generated dossier {k}</titel><nummer>{36000 + k}</nummer><hoogsteVolgnummer>{(k == 0 ? BigDossier : PerDossier)}</hoogsteVolgnummer></kamerstukdossier>""");

    static (Guid, string) Case(int c) =>
        (Id(4, c), $"""<zaak id="{Id(4, c)}" tk:bijgewerkt="2026-02-02T08:49:58Z" tk:verwijderd="false" {Tk}><nummer>2026Z{c:D5}</nummer><soort>Schriftelijk overleg</soort></zaak>""");
}
