using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Archive.IntegrationTests.Syncing;

/// <summary>
/// The portal's SyncFeed as a mirror on loopback would serve it: the fixture pages with the
/// portal's host rewritten to its own, and the document's file, v1's while the first document
/// page is current and v2's once the second has been asked for (the portal serves only the newest).
/// </summary>
public sealed class PortalMirror : IAsyncDisposable
{
    const string Portal = "https://gegevensmagazijn.tweedekamer.nl";
    static readonly Dictionary<(string, string?), string> Pages = new()
    {
        [("Document", null)] = "document-page-1.xml",
        [("Document", "20127302")] = "document-page-2.xml",
        [("DocumentVersie", null)] = "documentversie-page-1.xml",
        [("Kamerstukdossier", null)] = "kamerstukdossier-page-1.xml",
        [("Zaak", null)] = "zaak-page-1.xml",
    };

    readonly WebApplication _app;
    int _secondDocumentPageAsked;

    /// <summary>When set, asking for the second document page waits here: the test can stop the sync in the middle.</summary>
    public TaskCompletionSource? Gate { get; set; }
    public TaskCompletionSource SecondPageAsked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public Func<string, string>? RewritePage { get; set; }
    public string BaseUrl { get; private set; } = "";

    PortalMirror(WebApplication app) => _app = app;

    public static async Task<PortalMirror> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var mirror = new PortalMirror(builder.Build());
        mirror._app.MapGet("/SyncFeed/2.0/Feed", mirror.Feed);
        mirror._app.MapGet("/SyncFeed/2.0/Resources/{id}", mirror.Resource);
        await mirror._app.StartAsync();
        mirror.BaseUrl = mirror._app.Urls.First() + "/SyncFeed/2.0";
        return mirror;
    }

    async Task<IResult> Feed(string category, string? skiptoken)
    {
        if (category == "Document" && skiptoken == "20127302")
        {
            Interlocked.Exchange(ref _secondDocumentPageAsked, 1);
            SecondPageAsked.TrySetResult();
            if (Gate is { } gate) await gate.Task;
        }
        var file = Pages.GetValueOrDefault((category, skiptoken), "document-page-3-empty.xml");
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "odp", "syncfeed", file))
            .Replace(Portal, BaseUrl[..BaseUrl.IndexOf("/SyncFeed", StringComparison.Ordinal)]);
        return Results.Text(RewritePage?.Invoke(xml) ?? xml, "application/atom+xml; charset=utf-8");
    }

    IResult Resource(string id)
    {
        var version = Volatile.Read(ref _secondDocumentPageAsked) == 1 ? "v2" : "v1";
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "odp", "docx", $"2026D04632-{version}.docx"));
        return Results.Bytes(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    public async ValueTask DisposeAsync()
    {
        Gate?.TrySetResult();
        await _app.DisposeAsync();
    }
}
