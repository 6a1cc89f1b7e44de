using System.Net;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Archive.IntegrationTests.Syncing;

/// <summary>What the mirror serves for one entity's file.</summary>
public enum Served { RealFile, Missing, OtherSize }

/// <summary>
/// The portal's SyncFeed built from five real OData pages of Document entities (1,250 entities, as
/// the live portal sent them in October 2025): every value written into a tkData entry exactly as
/// the portal gave it, tombstones as tombstones. Files are the real files of shared/fixtures/real/files
/// of the announced type, made exactly the announced size where that can be done without changing
/// their content (a PDF gains an incremental-update tail, a .docx a zip comment, a .doc trailing
/// sectors, the HTML a comment); some are missing, some deliberately of another size, and those
/// a real file cannot be stretched or shrunk to are of another size too. It counts every download.
/// The real data is read from ../shared/fixtures/real (never committed in the project): without it
/// <see cref="Entities"/> skips the test that asks for it.
/// </summary>
public sealed class RealPortalMirror : IAsyncDisposable
{
    static string Fixture(string name) => SharedFixtures.Path($"real/{name}");

    /// <summary>The 1,250 entities; skips the test without ../shared/fixtures (read on first use, never in a type's initialiser).</summary>
    public static IReadOnlyList<JsonObject> Entities => LazyEntities.Value;

    static readonly Lazy<IReadOnlyList<JsonObject>> LazyEntities = new(() => Directory.GetFiles(Fixture("odata-document-pages"), "*.json")
        .Order(StringComparer.Ordinal)
        .SelectMany(f => JsonNode.Parse(System.IO.File.ReadAllText(f))!.AsArray().Select(e => e!.AsObject()))
        .ToList());

    readonly WebApplication _app;
    int _downloads;

    public string BaseUrl { get; private set; } = "";
    public int Downloads => Volatile.Read(ref _downloads);

    /// <summary>When set, every file is there and of the right size (as far as a real file can be): the portal repaired.</summary>
    public bool Repaired { get; set; }

    RealPortalMirror(WebApplication app) => _app = app;

    public static async Task<RealPortalMirror> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var mirror = new RealPortalMirror(builder.Build());
        mirror._app.MapGet("/SyncFeed/2.0/Feed", mirror.Feed);
        mirror._app.MapGet("/SyncFeed/2.0/Resources/{id}", mirror.Resource);
        await mirror._app.StartAsync();
        mirror.BaseUrl = mirror._app.Urls.First() + "/SyncFeed/2.0";
        return mirror;
    }

    public static bool IsTombstone(JsonObject e) => (bool)e["Verwijderd"]!;

    /// <summary>What the mirror does with the file of the entity at <paramref name="index"/> (before any repair).</summary>
    public static Served Plan(int index, JsonObject e) =>
        index % 20 == 3 ? Served.Missing
        : index % 20 == 7 ? Served.OtherSize
        : File(e) is null ? Served.OtherSize
        : Served.RealFile;

    IResult Feed(string category, int? skiptoken)
    {
        var start = skiptoken ?? 0;
        var entries = category == "Document" ? Entities.Skip(start).Take(250).ToList() : [];
        var xml = new StringBuilder($"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <title type=\"text\">SyncFeed</title>\n");
        for (var k = 0; k < entries.Count; k++) xml.Append(Entry(entries[k], start + k + 1));
        return Results.Text(xml.Append("</feed>\n").ToString(), "application/atom+xml; charset=utf-8");
    }

    string Entry(JsonObject e, int next)
    {
        var id = (string)e["Id"]!;
        var deleted = IsTombstone(e);
        var entity = deleted
            ? $"<document id=\"{id}\" tk:bijgewerkt=\"{e["GewijzigdOp"]}\" tk:verwijderd=\"true\" {Namespaces}/>"
            : $"<document id=\"{id}\" tk:bijgewerkt=\"{e["GewijzigdOp"]}\" tk:verwijderd=\"false\"{Attribute("contentType", e["ContentType"])}{Attribute("contentLength", e["ContentLength"])} {Namespaces}>\n{Values(e)}      </document>";
        return $"""
              <entry>
                <title>{id}</title>
                <updated>{e["ApiGewijzigdOp"]}</updated>
                <category term="document"/>
                <link rel="next" href="{BaseUrl}/Feed?category=Document&amp;skiptoken={next}"/>
            {(deleted ? "" : $"    <link rel=\"enclosure\" href=\"{BaseUrl}/Resources/{id}\"/>\n")}    <content type="application/xml">
                  {entity}
                </content>
              </entry>

            """;
    }

    const string Namespaces = "xmlns=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\" xmlns:tk=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

    static readonly (string Json, string Xml)[] Fields =
    [
        ("Soort", "soort"), ("DocumentNummer", "documentNummer"), ("Titel", "titel"), ("Onderwerp", "onderwerp"), ("Datum", "datum"),
        ("Volgnummer", "volgnummer"), ("Vergaderjaar", "vergaderjaar"), ("Kamer", "kamer"), ("Citeertitel", "citeertitel"), ("Alias", "alias"),
        ("DatumRegistratie", "datumRegistratie"), ("DatumOntvangst", "datumOntvangst"), ("Aanhangselnummer", "aanhangselnummer"),
        ("KenmerkAfzender", "kenmerkAfzender"), ("Organisatie", "organisatie"),
    ];

    static string Values(JsonObject e) => string.Concat(Fields.Select(f => e[f.Json] is { } value
        ? $"        <{f.Xml}>{SecurityElement.Escape(value.ToString())}</{f.Xml}>\n"
        : $"        <{f.Xml} xsi:nil=\"true\"/>\n"));

    static string Attribute(string name, JsonNode? value) => value is null ? "" : $" tk:{name}=\"{SecurityElement.Escape(value.ToString())}\"";

    IResult Resource(string id)
    {
        Interlocked.Increment(ref _downloads);
        var index = Entities.ToList().FindIndex(e => (string)e["Id"]! == id);
        if (index < 0) return Results.NotFound();
        var entity = Entities[index];
        var plan = Repaired ? (File(entity) is null ? Served.OtherSize : Served.RealFile) : Plan(index, entity);
        var type = (string)entity["ContentType"]!;
        return plan switch
        {
            Served.Missing => Results.NotFound(),
            Served.OtherSize => Results.Bytes(Original(type).Concat(new byte[7]).ToArray(), type),
            _ => Results.Bytes(File(entity)!, type),
        };
    }

    static byte[] Original(string type) => type switch
    {
        "application/pdf" => System.IO.File.ReadAllBytes(Fixture("files/d7a5dc6c-3636-4acd-8630-96c14e97dcce.pdf")),
        "application/msword" => System.IO.File.ReadAllBytes(Fixture("files/ca71487f-866a-43aa-a9d5-ec3e2c3a236c.doc")),
        "text/html" => Encoding.UTF8.GetBytes(Html),
        _ => System.IO.File.ReadAllBytes(Fixture("files/09b97518-8d7c-4a90-a090-28e45bc44920.docx")),
    };

    public const string Html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Bijlage</title></head>\n<body><p>Bijlage bij de brief van de minister.</p><p>Overzicht van de toezeggingen.</p></body></html>\n";

    /// <summary>The real file of the entity's type at exactly its announced size, or null when no real file can be made that size.</summary>
    public static byte[]? File(JsonObject e)
    {
        var type = (string?)e["ContentType"];
        if (type is null || e["ContentLength"] is not { } announced) return null;
        var length = (long)announced;
        var original = Original(type);
        var padding = length - original.Length;
        return type switch
        {
            "application/pdf" => PadPdf(original, padding),
            // antiword reads a .doc with some trailing sectors of zeros, but gives up ("the stack is empty") past about 64 KB of them.
            "application/msword" => padding is >= 0 and <= 32 * 1024 ? original.Concat(new byte[padding]).ToArray() : null,
            "text/html" => PadHtml(padding),
            _ => PadZip(original, padding),
        };
    }

    /// <summary>A comment and a second startxref pointing at the same cross-reference table: an incremental update that changes nothing.</summary>
    static byte[]? PadPdf(byte[] pdf, long padding)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var at = text.LastIndexOf("startxref", StringComparison.Ordinal);
        var tail = text[at..];
        var fill = padding - tail.Length - 2;
        return fill < 0 ? null : [.. pdf, .. Encoding.Latin1.GetBytes("%" + new string(' ', (int)fill) + "\n" + tail)];
    }

    /// <summary>The zip's end-of-central-directory record gains a comment of the missing length (at most 65,535 bytes).</summary>
    static byte[]? PadZip(byte[] zip, long padding)
    {
        if (padding is < 0 or > ushort.MaxValue) return null;
        var copy = zip.Concat(Enumerable.Repeat((byte)' ', (int)padding)).ToArray();
        BitConverter.GetBytes((ushort)padding).CopyTo(copy, zip.Length - 2);
        return copy;
    }

    static byte[]? PadHtml(long padding) =>
        padding < 7 ? null : Encoding.UTF8.GetBytes(Html + "<!--" + new string(' ', (int)padding - 7) + "-->");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
