using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Archive.Benchmarks;

/// <summary>
/// A SyncFeed of N generated documents on loopback, for timing the sync: each document with its
/// version (and one dossier and one case for all), 250 entries a page as the portal pages, and the
/// fixture's .docx as every document's file.
/// </summary>
public static class GeneratedFeed
{
    const int PageSize = 250;
    const string Tk = "xmlns=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\" xmlns:tk=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\"";
    static readonly Guid Dossier = Guid.Parse("3e9b1d7c-2a44-4f0e-bb61-9d0c36180000"), Case = Guid.Parse("7d2c4e1a-9f3b-4a6d-8c20-20260e020030");

    public static async Task ServeAsync(int documents)
    {
        var file = File.ReadAllBytes(Path.Combine(DiffPair.Root, "tests", "Archive.Tests", "Fixtures", "odp", "docx", "2026D04632-v1.docx"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/SyncFeed/2.0/Feed", (HttpRequest r, string category, int? skiptoken) =>
            Results.Text(Page($"{r.Scheme}://{r.Host}/SyncFeed/2.0", category, skiptoken ?? 0, documents, file.Length), "application/atom+xml"));
        app.MapGet("/SyncFeed/2.0/Resources/{id}", () => Results.Bytes(file, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        await app.StartAsync();
        Console.WriteLine($"serving {documents} generated documents at {app.Urls.First()}/SyncFeed/2.0");
        await Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.WaitForShutdownAsync(app);
    }

    static Guid Id(int kind, int n) => new($"{kind:x8}-0000-4000-8000-{n:x12}");

    static string Page(string baseUrl, string category, int from, int documents, int fileSize)
    {
        var count = category switch { "Document" or "DocumentVersie" => documents, "Kamerstukdossier" or "Zaak" => 1, _ => 0 };
        var xml = new StringBuilder($"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>SyncFeed</title><id>{baseUrl}/Feed?category={category}</id><updated>2026-02-09T13:31:02Z</updated>\n");
        for (var n = from; n < Math.Min(count, from + PageSize); n++)
        {
            var (id, entity) = category switch
            {
                "Document" => (Id(1, n), $"""<document id="{Id(1, n)}" tk:bijgewerkt="2026-02-02T08:51:23Z" tk:verwijderd="false" tk:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document" tk:contentLength="{fileSize}" {Tk}><huidigeDocumentVersie ref="{Id(2, n)}"/><zaak ref="{Case}"/><kamerstukdossier ref="{Dossier}"/><soort>Brief regering</soort><documentNummer>2097D{n:D5}</documentNummer><titel>Generated document {n}</titel><onderwerp>Onderwerp {n}</onderwerp><datum>2026-01-30T00:00:00</datum><volgnummer>{n + 1}</volgnummer></document>"""),
                "DocumentVersie" => (Id(2, n), $"""<documentVersie id="{Id(2, n)}" tk:bijgewerkt="2026-02-02T08:51:23Z" tk:verwijderd="false" {Tk}><document ref="{Id(1, n)}"/><status>Vrijgegeven</status><versienummer>1</versienummer><bestandsgrootte>{fileSize}</bestandsgrootte><extensie>.docx</extensie></documentVersie>"""),
                "Kamerstukdossier" => (Dossier, $"""<kamerstukdossier id="{Dossier}" tk:bijgewerkt="2026-02-02T08:50:40Z" tk:verwijderd="false" {Tk}><titel>Generated dossier</titel><nummer>36180</nummer><hoogsteVolgnummer>{documents}</hoogsteVolgnummer></kamerstukdossier>"""),
                _ => (Case, $"""<zaak id="{Case}" tk:bijgewerkt="2026-02-02T08:49:58Z" tk:verwijderd="false" {Tk}><kamerstukdossier ref="{Dossier}"/><nummer>2026Z02003</nummer><soort>Schriftelijk overleg</soort></zaak>"""),
            };
            xml.Append($"<entry><title>{id}</title><id>{baseUrl}/Entiteiten/{id}</id><updated>2026-02-02T09:02:17Z</updated><category term=\"{category}\"/>")
                .Append($"<link rel=\"next\" href=\"{baseUrl}/Feed?category={category}&amp;skiptoken={n + 1}\"/>")
                .Append(category == "Document" ? $"<link rel=\"enclosure\" href=\"{baseUrl}/Resources/{id}\"/>" : "")
                .Append($"<content type=\"application/xml\">{entity}</content></entry>\n");
        }
        return xml.Append("</feed>\n").ToString();
    }
}
