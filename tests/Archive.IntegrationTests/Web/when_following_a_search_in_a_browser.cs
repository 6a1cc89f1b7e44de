using System.Net.Http.Headers;
using System.Xml.Linq;
using Archive.IntegrationTests.Following;
using Archive.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using MimeKit;

namespace Archive.IntegrationTests.Web;

/// <summary>
/// The Archive in its own process with mail through the test's SMTP server on loopback, immediate
/// digests grouped over one second of quiet, its public base URL its own address, and only version 1
/// of 2026D04632 imported: the test brings version 2.
/// </summary>
public sealed class FollowingBrowserHost : BrowserHost
{
    public const double GroupSeconds = 1;
    readonly int _port = Ports.Free();
    public MailReceiver Mail { get; } = MailReceiver.Start();

    protected override string Urls => $"http://127.0.0.1:{_port}";

    protected override Dictionary<string, string> Settings() => new()
    {
        ["Archive__PublicBaseUrl"] = $"http://127.0.0.1:{_port}",
        ["Archive__Mail__Host"] = "127.0.0.1",
        ["Archive__Mail__Port"] = Mail.Port.ToString(),
        ["Archive__Mail__Security"] = "none",
        ["Archive__Follows__GroupSeconds"] = GroupSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override Task Seed() => Import(Fixtures.V1);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
    }

    public async Task Post(string path, string json)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        (await http.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    }

    /// <summary>How many follows the database holds (none while Marten has not made their table yet).</summary>
    public async Task<long> FollowCount()
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select case when to_regclass('archive.mt_doc_follow') is null then 0 else (select count(*) from archive.mt_doc_follow) end", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<XDocument> Atom(string path)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        return XDocument.Parse(await http.GetStringAsync(path));
    }
}

[Collection(ArchiveCollection.Name)]
public sealed class when_following_a_search_in_a_browser(FollowingBrowserHost archive) : IClassFixture<FollowingBrowserHost>
{
    static readonly XNamespace A = "http://www.w3.org/2005/Atom";
    const string Email = "lezer@voorbeeld.nl";

    static bool ToReader(MimeMessage m) => m.To.Mailboxes.Any(b => b.Address == Email);

    static string Link(MimeMessage mail, string path) =>
        mail.TextBody!.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).First(w => w.StartsWith("http") && w.Contains(path));

    [Fact]
    public async Task a_follow_made_from_a_search_hears_of_the_new_version_by_feed_and_mail_and_its_stop_link_stops_the_mail()
    {
        var page = await archive.NewPage();

        // A search, and "follow this search" from its results, with an address.
        await page.GotoAsync("/search?q=welvarend");
        await page.ClickAsync("#volg");
        Assert.Equal("welvarend", await page.InputValueAsync("input[name=Q]"));
        await page.FillAsync("input[name=Email]", Email);
        await page.ClickAsync("form[aria-label='Nieuwe volg-opdracht'] button[type=submit]");
        Assert.Contains("/volgen/", page.Url);
        Assert.Contains("?nieuw=1", page.Url);
        var followLink = (await page.Locator("#link").InnerTextAsync()).Trim();
        Assert.StartsWith(archive.BaseUrl + "/volgen/", followLink);
        Assert.Contains("welvarend", await page.Locator("#volgt").InnerTextAsync());
        await BrowserHost.Screenshot(page, "follow-new");
        var token = followLink[(followLink.LastIndexOf('/') + 1)..];

        // The address is confirmed from the mail sent to it; the mail holds the follow's own link too.
        var confirmation = await archive.Mail.WaitFor(m => ToReader(m) && (m.Subject ?? "").StartsWith("Bevestig"), "confirming the address");
        Assert.Contains(followLink, confirmation.TextBody);
        await page.GotoAsync(Link(confirmation, "/volgen/bevestigen/"));
        await page.ClickAsync("#bevestig");
        Assert.True(await page.Locator("#bevestigd").IsVisibleAsync());

        // A new version of the document the search finds.
        await archive.Import(Fixtures.V2);

        var mail = await archive.Mail.WaitFor(m => ToReader(m) && !(m.Subject ?? "").StartsWith("Bevestig"), "with the new version");
        Assert.Contains("Nieuwe versie (revisie 2): 2026D04632", mail.TextBody);
        Assert.Contains("VVD, vraag 6: antwoord gewijzigd (+2 −2 woorden)", mail.TextBody);
        Assert.Contains("VVD, vraag 6: antwoord gewijzigd (+2 −2 woorden)", mail.HtmlBody);
        var diff = Link(mail, "/diff?");
        Assert.Equal($"{archive.BaseUrl}/documents/2026D04632/diff?from=1&to=2", diff);
        var response = await page.GotoAsync(diff);
        Assert.Equal(200, response!.Status);
        Assert.True(await page.Locator("del", new() { HasTextString = "parters" }).First.IsVisibleAsync());

        var feed = await archive.Atom($"/feeds/follows/{token}.atom");
        var entry = feed.Descendants(A + "entry").Single();
        Assert.Contains("2026D04632 revised (revisie 2)", entry.Element(A + "title")!.Value);
        Assert.Contains("VVD, vraag 6: antwoord gewijzigd", entry.Element(A + "content")!.Value);

        // The follow's page shows it too.
        await page.GotoAsync($"/volgen/{token}");
        Assert.Contains("VVD, vraag 6: antwoord gewijzigd", await page.Locator("#wijzigingen").InnerTextAsync());
        await BrowserHost.Screenshot(page, "follow-page");

        // The mail's stop link: a page that asks, a button that stops.
        await page.GotoAsync(Link(mail, "/volgen/stoppen/"));
        await page.ClickAsync("#stop");
        Assert.True(await page.Locator("#gestopt").IsVisibleAsync());

        // The next change still reaches the feed, and no mail goes.
        await archive.Post("/api/documents/2026D04632/withdrawal", """{"sourceUpdatedAt": "2026-03-01T00:00:00Z", "reason": "tk:verwijderd"}""");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await archive.Atom($"/feeds/follows/{token}.atom")).Descendants(A + "entry").Count() < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the withdrawal never reached the follow's feed");
            await Task.Delay(200);
        }
        await Task.Delay(TimeSpan.FromSeconds(FollowingBrowserHost.GroupSeconds * 3 + 2));
        Assert.Equal(2, archive.Mail.To(Email).Count);
    }

    [Fact]
    public async Task bad_input_on_the_page_is_said_in_dutch_and_makes_nothing()
    {
        var before = await archive.FollowCount();
        var context = await archive.NewContext(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/volgen/nieuw?dossier=99999");
        await page.ClickAsync("form[aria-label='Nieuwe volg-opdracht'] button[type=submit]");
        Assert.Contains("kent geen Kamerstukdossier '99999'", await page.Locator("#fout").InnerTextAsync());
        Assert.EndsWith("/volgen/nieuw", page.Url.Split('?')[0]);

        await page.GotoAsync("/volgen/nieuw?q=welvarend");
        // The browser checks the shape of an address itself; this one it lets through, the Archive does not (no domain such as voorbeeld.nl).
        await page.FillAsync("input[name=Email]", "iemand@localhost");
        await page.ClickAsync("form[aria-label='Nieuwe volg-opdracht'] button[type=submit]");
        Assert.Contains("is geen e-mailadres", await page.Locator("#fout").InnerTextAsync());

        var forged = await page.GotoAsync("/volgen/" + Archive.Api.Following.Follow.NewToken());
        Assert.Equal(404, forged!.Status);
        Assert.Contains("Onbekende volg-opdracht", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(before, await archive.FollowCount());
        await context.CloseAsync();
    }

    [Fact]
    public async Task the_follows_page_changes_it_refuses_a_bad_change_and_deletes_it()
    {
        var context = await archive.NewContext(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/volgen/nieuw?dossier=36180");
        await page.ClickAsync("form[aria-label='Nieuwe volg-opdracht'] button[type=submit]");
        var link = (await page.Locator("#link").InnerTextAsync()).Trim();
        var path = new Uri(link).AbsolutePath;

        await page.FillAsync("input[name='Form.Label']", "Handelsdossier");
        await page.SelectOptionAsync("select[name='Form.Digest']", "daily");
        await page.ClickAsync("form[aria-label='Volg-opdracht wijzigen'] button[type=submit]");
        Assert.True(await page.Locator("#opgeslagen").IsVisibleAsync());
        Assert.Contains("Handelsdossier", await page.Locator("h1").InnerTextAsync());

        await page.FillAsync("input[name='Form.Dossier']", "99999");
        await page.ClickAsync("form[aria-label='Volg-opdracht wijzigen'] button[type=submit]");
        Assert.Contains("kent geen Kamerstukdossier '99999'", await page.Locator("#fout").InnerTextAsync());
        await page.GotoAsync(path);
        Assert.Equal("dossier 36180", await page.Locator("#volgt").InnerTextAsync());

        await page.ClickAsync("#verwijder");
        var gone = await page.GotoAsync(path);
        Assert.Equal(404, gone!.Status);
        await context.CloseAsync();
    }
}
