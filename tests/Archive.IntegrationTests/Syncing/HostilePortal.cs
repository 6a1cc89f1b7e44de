using System.IO.Compression;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Archive.IntegrationTests.Syncing;

/// <summary>How the portal answers for one document's file.</summary>
public enum FileAnswer { Docx, ServerError, MalformedDocx }

/// <param name="Enclosure">The file's link in the feed; null: the portal's own Resources/{id}.</param>
public sealed record PortalDocument(string Number, FileAnswer File = FileAnswer.Docx, string? Enclosure = null)
{
    public Guid Id { get; } = Guid.NewGuid();
}

/// <summary>
/// A SyncFeed on loopback whose Document page says what the test wants: documents whose files are
/// elsewhere, broken or failing, a next link to anywhere, or a page far larger than it should be.
/// Every other category has no entries.
/// </summary>
public sealed class HostilePortal : IAsyncDisposable
{
    const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    readonly WebApplication _app;
    long _streamed;

    public IReadOnlyList<PortalDocument> Documents { get; set; } = [];

    /// <summary>The next link of the first page's last entry; null: the portal's own second page (which is empty).</summary>
    public string? Next { get; set; }

    /// <summary>When set, the Kamerstukdossier page holds this dossier, and every document names it, with volgnummers 1, 2, 3 ….</summary>
    public (Guid Id, string Number)? Dossier { get; set; }

    /// <summary>When set, the first Document page is this many bytes, sent as a stream without a Content-Length.</summary>
    public long? PageBytes { get; set; }

    public long Streamed => Interlocked.Read(ref _streamed);
    public string BaseUrl { get; private set; } = "";

    HostilePortal(WebApplication app) => _app = app;

    public static async Task<HostilePortal> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var portal = new HostilePortal(builder.Build());
        portal._app.MapGet("/SyncFeed/2.0/Feed", portal.Feed);
        portal._app.MapGet("/SyncFeed/2.0/Resources/{id:guid}", portal.Resource);
        await portal._app.StartAsync();
        portal.BaseUrl = portal._app.Urls.First() + "/SyncFeed/2.0";
        return portal;
    }

    async Task Feed(HttpContext context, string category, string? skiptoken)
    {
        context.Response.ContentType = "application/atom+xml; charset=utf-8";
        if (category == "Kamerstukdossier" && skiptoken is null && Dossier is { } dossier) { await context.Response.WriteAsync(DossierPage(dossier.Id, dossier.Number)); return; }
        if (category != "Document" || skiptoken is not null) { await context.Response.WriteAsync(Page([])); return; }
        if (PageBytes is { } size) { await StreamAsync(context.Response, size); return; }
        await context.Response.WriteAsync(Page(Documents));
    }

    string Page(IReadOnlyList<PortalDocument> documents)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <title type=\"text\">SyncFeed</title>\n");
        for (var k = 0; k < documents.Count; k++)
            xml.Append(Entry(documents[k], k == documents.Count - 1 ? Next ?? $"{BaseUrl}/Feed?category=Document&skiptoken=2" : $"{BaseUrl}/Feed?category=Document&skiptoken=2", k + 1));
        return xml.Append("</feed>\n").ToString();
    }

    string DossierPage(Guid id, string number) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title type="text">SyncFeed</title>
          <entry>
            <title>{id}</title>
            <updated>2026-02-02T09:02:17Z</updated>
            <category term="kamerstukdossier"/>
            <link rel="next" href="{SecurityElement.Escape($"{BaseUrl}/Feed?category=Kamerstukdossier&skiptoken=2")}"/>
            <content type="application/xml">
              <kamerstukdossier id="{id}" tk:bijgewerkt="2026-02-02T08:50:40Z" tk:verwijderd="false" xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" xmlns:tk="http://www.tweedekamer.nl/xsd/tkData/v1-0">
                <titel>Een dossier</titel>
                <nummer>{number}</nummer>
                <afgesloten>false</afgesloten>
              </kamerstukdossier>
            </content>
          </entry>
        </feed>
        """;

    string Entry(PortalDocument d, string next, int volgnummer) => $"""
          <entry>
            <title>{d.Id}</title>
            <updated>2026-02-02T09:02:17Z</updated>
            <category term="document"/>
            <link rel="next" href="{SecurityElement.Escape(next)}"/>
            <link rel="enclosure" href="{SecurityElement.Escape(d.Enclosure ?? $"{BaseUrl}/Resources/{d.Id}")}"/>
            <content type="application/xml">
              <document id="{d.Id}" tk:bijgewerkt="2026-02-02T08:51:23Z" tk:verwijderd="false" tk:contentType="{Docx}" xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" xmlns:tk="http://www.tweedekamer.nl/xsd/tkData/v1-0">
                {(Dossier is { } dossier ? $"<kamerstukdossier ref=\"{dossier.Id}\"/>" : "")}
                <soort>Brief regering</soort>
                <documentNummer>{d.Number}</documentNummer>{(Dossier is null ? "" : $"\n        <volgnummer>{volgnummer}</volgnummer>")}
                <titel>Een brief</titel>
                <onderwerp>Een onderwerp</onderwerp>
              </document>
            </content>
          </entry>

        """;

    /// <summary>A well-formed start, then comments without end: nothing short of the whole would show what is wrong with it.</summary>
    async Task StreamAsync(HttpResponse response, long size)
    {
        var chunk = Encoding.UTF8.GetBytes("<!--" + new string('x', 65_532) + "-->");
        await response.WriteAsync("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        // Kestrel takes writes after the client has gone without a word: only the aborted request says so.
        var aborted = response.HttpContext.RequestAborted;
        try
        {
            for (long sent = 0; sent < size && !aborted.IsCancellationRequested; sent += chunk.Length)
            {
                await response.Body.WriteAsync(chunk, aborted);
                await response.Body.FlushAsync(aborted);
                Interlocked.Add(ref _streamed, chunk.Length);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The Archive hung up: that is what the test wants to see.
        }
    }

    IResult Resource(Guid id) => Documents.FirstOrDefault(d => d.Id == id)?.File switch
    {
        FileAnswer.Docx => Results.Bytes(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "odp", "docx", "2026D04632-v1.docx")), Docx),
        FileAnswer.ServerError => Results.StatusCode(500),
        FileAnswer.MalformedDocx => Results.Bytes(MalformedDocx(), Docx),
        _ => Results.NotFound(),
    };

    /// <summary>A sound package whose document.xml is not well-formed XML.</summary>
    static byte[] MalformedDocx()
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            Add(zip, "word/document.xml", """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>half a paragraph""");
        }
        return bytes.ToArray();
    }

    static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>Another host (a port of the same machine): it answers anything and counts who came.</summary>
public sealed class Elsewhere : IAsyncDisposable
{
    readonly WebApplication _app;
    int _hits;

    public int Hits => Volatile.Read(ref _hits);
    public string Url { get; private set; } = "";

    Elsewhere(WebApplication app) => _app = app;

    public static async Task<Elsewhere> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var elsewhere = new Elsewhere(builder.Build());
        elsewhere._app.MapFallback(() =>
        {
            Interlocked.Increment(ref elsewhere._hits);
            return Results.Text("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", "application/atom+xml");
        });
        await elsewhere._app.StartAsync();
        elsewhere.Url = elsewhere._app.Urls.First();
        return elsewhere;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
