using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Archive.IntegrationTests.CommandLine;
using Archive.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Archive.IntegrationTests.Web;

/// <summary>
/// The Archive as a user meets it: its own process, listening on loopback, with both fixture
/// versions imported through the API; and a real headless Chromium (Debian's, not a download)
/// driven by Playwright. Screenshots go to TestResults/screenshots (or $ARCHIVE_SCREENSHOTS).
/// </summary>
public class BrowserHost : IAsyncLifetime
{
    public const string ApiKey = "browser-test-key";

    Process _server = null!;
    IPlaywright _playwright = null!;
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public string ConnectionString { get; } = TestCluster.NewDatabase();

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string> { ["Archive__ApiKey"] = ApiKey };
        foreach (var (key, value) in Settings()) settings[key] = value;
        _server = ArchiveCli.Start(ConnectionString, ["--urls", Urls], settings);
        BaseUrl = await ArchiveCli.ListeningAddress(_server);
        await Seed();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Without these Chromium reaches for Google's hosts, which this closed network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>Where the Archive listens: any free port on loopback unless a fixture needs to know it before the start.</summary>
    protected virtual string Urls => "http://127.0.0.1:0";

    /// <summary>Settings of a fixture's own, as environment variables (Archive__Mail__Host …).</summary>
    protected virtual Dictionary<string, string> Settings() => [];

    /// <summary>What is imported before the browser starts: both fixture versions.</summary>
    protected virtual async Task Seed()
    {
        await Import(Fixtures.V1);
        await Import(Fixtures.V2);
    }

    public static string ChromiumPath => Environment.GetEnvironmentVariable("ARCHIVE_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>A browser context of its own, with or without JavaScript (the pages must work without).</summary>
    public Task<IBrowserContext> NewContext(bool javaScript = true) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, JavaScriptEnabled = javaScript, Locale = "nl-NL" });

    public async Task<IPage> NewPage(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new() { Width = width, Height = height }, Locale = "nl-NL" });
        return await context.NewPageAsync();
    }

    public static async Task Screenshot(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("ARCHIVE_SCREENSHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = false });
    }

    public async Task Import(string page)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        var response = await http.PostAsync("/api/imports", new StringContent(page, System.Text.Encoding.UTF8, "text/plain"));
        response.EnsureSuccessStatusCode();
    }


    public virtual async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (!_server.HasExited) _server.Kill(entireProcessTree: true);
        await _server.WaitForExitAsync();
        _server.Dispose();
    }
}
