using Archive.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Archive.IntegrationTests.Web;

/// <summary>A reader in headless Chromium, against the Archive's own process on loopback, with both fixture versions imported.</summary>
[Collection(ArchiveCollection.Name)]
public sealed class when_using_the_archive_in_a_browser(BrowserHost archive) : IClassFixture<BrowserHost>
{
    const string Number = "2026D04632";

    [Fact]
    public async Task the_document_page_shows_the_header_the_text_and_both_revisions_on_both_clocks()
    {
        var page = await archive.NewPage();
        var response = await page.GotoAsync($"/documents/{Number}");

        Assert.Equal(200, response!.Status);
        var facts = await page.Locator("table.facts").InnerTextAsync();
        Assert.Contains("Verslag van een schriftelijk overleg", facts);
        Assert.Contains("2026-02-09 14:12", facts);
        Assert.Contains("36180", facts);
        Assert.Contains("Vastgesteld 9 februari 2026", await page.Locator(".text").InnerTextAsync());
        var revisions = page.Locator("#revisies + form + table tbody tr");
        Assert.Equal(2, await revisions.CountAsync());
        Assert.Contains("2026-02-02 09:51", await revisions.Nth(0).InnerTextAsync());
        await BrowserHost.Screenshot(page, "document");
    }

    [Fact]
    public async Task picking_two_versions_shows_the_word_that_was_struck_and_the_word_inserted()
    {
        var page = await archive.NewPage();
        await page.GotoAsync($"/documents/{Number}");
        await page.SelectOptionAsync("#from", "1");
        await page.SelectOptionAsync("#to", "2");
        await page.ClickAsync("#versiekiezer button[type=submit]");

        Assert.EndsWith($"/documents/{Number}/diff?from=1&to=2", page.Url);
        Assert.True(await page.Locator("del", new() { HasTextString = "parters" }).IsVisibleAsync());
        Assert.True(await page.Locator("ins", new() { HasTextString = "partners" }).IsVisibleAsync());
        Assert.Contains("2026-02-09 14:12", await page.Locator("#gegevens").InnerTextAsync());
        await BrowserHost.Screenshot(page, "diff-inline");

        await page.ClickAsync("text=Naast elkaar");
        Assert.True(await page.Locator("table.diff-side-by-side td.old del", new() { HasTextString = "parters" }).IsVisibleAsync());
        Assert.True(await page.Locator("table.diff-side-by-side td.new ins", new() { HasTextString = "partners" }).IsVisibleAsync());
        await BrowserHost.Screenshot(page, "diff-side-by-side");
    }

    [Fact]
    public async Task the_diff_page_shows_the_five_changes_and_opens_a_collapsed_stretch_without_javascript()
    {
        var context = await archive.NewContext(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/documents/{Number}/diff?from=1&to=2");
        Assert.Equal(5, await page.Locator(".diff-inline p.changed").CountAsync());
        var collapsed = page.Locator(".diff-inline p.collapsed a").First;
        var line = await collapsed.InnerTextAsync();
        Assert.Matches(@"^… \d+ ongewijzigde alinea's …$", line);
        var stretches = await page.Locator(".diff-inline p.collapsed").CountAsync();

        await collapsed.ClickAsync();

        Assert.Contains("&open=", page.Url);
        Assert.Equal(stretches - 1, await page.Locator(".diff-inline p.collapsed").CountAsync());
        Assert.Equal(5, await page.Locator(".diff-inline p.changed").CountAsync());
        await page.ClickAsync("text=toon alle tekst");
        Assert.Equal(0, await page.Locator(".diff-inline p.collapsed").CountAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task the_summary_links_to_the_change_it_names()
    {
        var page = await archive.NewPage();
        await page.GotoAsync($"/documents/{Number}/diff?from=1&to=2");
        var first = page.Locator("#samenvatting a").First;
        var target = await first.GetAttributeAsync("href");

        await first.ClickAsync();

        Assert.EndsWith(target!, page.Url);
        Assert.Equal(1, await page.Locator(target!).CountAsync());
    }

    [Fact]
    public async Task the_as_of_picker_shows_the_document_as_it_stood_on_5_february()
    {
        var page = await archive.NewPage();
        await page.GotoAsync($"/documents/{Number}");
        await page.FillAsync("input[name=asOf]", "2026-02-05");
        await page.ClickAsync("form[aria-label='Zoals het stond op een datum'] button");

        Assert.Contains("asOf=2026-02-05", page.Url);
        Assert.Contains("Vastgesteld …………. 2026", await page.Locator(".text").InnerTextAsync());
        Assert.Contains("Zoals het stond", await page.Locator(".notice").InnerTextAsync());
        await BrowserHost.Screenshot(page, "as-of");
    }

    [Fact]
    public async Task searching_mercosur_finds_the_document_with_a_highlighted_snippet()
    {
        var page = await archive.NewPage();
        await page.GotoAsync("/");
        await page.FillAsync("#site-q", "Mercosur");
        await page.PressAsync("#site-q", "Enter");

        var hit = page.Locator("ol.results li").First;
        Assert.Contains(Number, await hit.InnerTextAsync());
        Assert.Contains("Mercosur", await hit.Locator(".snippet mark").First.InnerTextAsync());
        await BrowserHost.Screenshot(page, "search");
    }

    [Fact]
    public async Task a_keyboard_user_reaches_the_version_picker_and_compares_with_it()
    {
        var page = await archive.NewPage();
        await page.GotoAsync($"/documents/{Number}");

        var reached = false;
        for (var i = 0; i < 40 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<bool>("() => document.activeElement?.id === 'from'");
        }
        Assert.True(reached, "Tab never reached the version picker");

        await page.Keyboard.PressAsync("Tab");   // to "Naar"
        await page.Keyboard.PressAsync("Tab");   // to "Vergelijk"
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/diff?from=1&to=2");
        Assert.True(await page.Locator("ins", new() { HasTextString = "partners" }).IsVisibleAsync());
    }

    [Fact]
    public async Task everything_works_without_javascript()
    {
        var context = await archive.Browser.NewContextAsync(new() { BaseURL = archive.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/search?q=partners");
        await page.ClickAsync($"ol.results a");
        await page.ClickAsync("#versiekiezer button[type=submit]");

        Assert.True(await page.Locator("ins", new() { HasTextString = "partners" }).IsVisibleAsync());
    }

    [Fact]
    public async Task on_a_phone_the_document_fits_the_screen()
    {
        var page = await archive.NewPage(width: 390, height: 844);
        await page.GotoAsync($"/documents/{Number}");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a phone screen");
        await BrowserHost.Screenshot(page, "document-phone");
    }

    [Fact]
    public async Task the_dossier_page_lists_its_documents_by_volgnummer()
    {
        var page = await archive.NewPage();
        await page.GotoAsync($"/documents/{Number}");
        await page.ClickAsync("table.facts a[href^='/dossiers/']");

        Assert.EndsWith("/dossiers/36180", page.Url);
        Assert.Contains(Number, await page.Locator("table tbody").InnerTextAsync());
        await BrowserHost.Screenshot(page, "dossier");
    }

    [Fact]
    public async Task the_home_page_lists_recent_changes()
    {
        var page = await archive.NewPage();
        for (var attempt = 0; attempt < 50; attempt++)   // the change feed is written by the async daemon, a moment after the import
        {
            await page.GotoAsync("/");
            if (await page.Locator("tbody tr").CountAsync() >= 2) break;
            await Task.Delay(200);
        }
        var rows = await page.Locator("tbody").InnerTextAsync();
        Assert.Contains("nieuwe versie", rows);
        Assert.Contains("nieuw document", rows);
        await BrowserHost.Screenshot(page, "home");
    }

    [Theory]
    [InlineData("/documents/1999D00001", 404, "Onbekend document")]
    [InlineData("/documents/2026D04632?asOf=2026-01-01", 404, "Bestond toen nog niet")]
    [InlineData("/documents/2026D04632?asOf=gisteren", 400, "Ongeldige datum")]
    [InlineData("/documents/2026D04632/diff?from=1&to=9", 404, "Onbekende revisie")]
    [InlineData("/dossiers/99999", 404, "Onbekend dossier")]
    [InlineData("/search?q=-alles", 400, "Zo kan er niet gezocht worden")]
    public async Task errors_are_pages_that_say_what_happened_with_the_right_status(string url, int status, string title)
    {
        var page = await archive.NewPage();
        var response = await page.GotoAsync(url);

        Assert.Equal(status, response!.Status);
        Assert.Contains(title, await page.Locator("main").InnerTextAsync());
        Assert.True(await page.Locator("[role=alert]").IsVisibleAsync());
        if (url.Contains("asOf=2026-01-01")) await BrowserHost.Screenshot(page, "error-not-yet");
    }
}
