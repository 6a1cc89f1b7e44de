using Archive.IntegrationTests.CommandLine;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Web;

/// <summary>A reader in headless Chromium looking at what the sync could not capture: a document whose file the portal did not have.</summary>
[Collection(ArchiveCollection.Name)]
public sealed class when_reading_the_gap_ledger_in_a_browser(BrowserHost archive) : IClassFixture<BrowserHost>, IAsyncLifetime
{
    const string Entity = "5c0a7e2b-3f41-4d8e-9b6a-2e71c9d40632";

    public async Task InitializeAsync()
    {
        var folder = Directory.CreateTempSubdirectory("archive-gap-page-").FullName;
        // The fixture's pages with the document renumbered (the host already has 2026D04632 from OpenTK) and no file for it.
        foreach (var name in new[] { "document-page-1.xml", "documentversie-page-1.xml", "kamerstukdossier-page-1.xml", "zaak-page-1.xml" })
        {
            var page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "odp", "syncfeed", name));
            File.WriteAllText(Path.Combine(folder, name), page.Replace("2026D04632", "2026D09999"));
        }
        var run = await ArchiveCli.Execute(archive.ConnectionString, "sync", folder);
        Directory.Delete(folder, recursive: true);
        Assert.True(run.ExitCode == 0, run.Errors);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task the_gap_page_names_the_document_the_reason_and_the_next_attempt_and_filters_by_reason()
    {
        var page = await archive.NewPage();
        var response = await page.GotoAsync("/gaps");
        Assert.Equal(200, response!.Status);
        var row = await page.Locator("table tbody tr").First.InnerTextAsync();
        Assert.Contains("2026D09999", row);
        Assert.Contains(Entity, row);
        Assert.Contains("file-missing", row);
        Assert.Contains("volgende poging", row);
        await BrowserHost.Screenshot(page, "gaps");

        await page.SelectOptionAsync("select[name=reason]", "size-mismatch");
        await page.ClickAsync("form[aria-label=Filter] button[type=submit]");
        Assert.Contains("reason=size-mismatch", page.Url);
        Assert.Contains("0 regels", await page.Locator("main").InnerTextAsync());

        await page.GotoAsync("/documents/2026D09999");
        var notice = await page.Locator(".notice", new() { HasTextString = "niet vastgelegd" }).InnerTextAsync();
        Assert.Contains($"there is no file for {Entity}", notice);
        await BrowserHost.Screenshot(page, "document-without-text");
    }
}
