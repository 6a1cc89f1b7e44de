using System.Text.Json.Nodes;
using System.Xml.Linq;
using Alba;
using Archive.Api.Following;
using Archive.IntegrationTests.Infrastructure;
using Archive.IntegrationTests.Webhooks;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Wolverine;

namespace Archive.IntegrationTests.Following;

/// <summary>
/// The Archive with mail through a real SMTP server on loopback (the test's), immediate digests
/// grouped over 2 seconds of quiet, and version 1 of 2026D04632 (dossier 36180, zaak 2026Z02003) imported.
/// </summary>
public sealed class FollowingArchive : ArchiveHost
{
    public MailReceiver Mail { get; } = MailReceiver.Start();
    public const double GroupSeconds = 2;

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Archive:Mail:Host", "127.0.0.1");
        builder.UseSetting("Archive:Mail:Port", Mail.Port.ToString());
        builder.UseSetting("Archive:Mail:Security", "none");
        builder.UseSetting("Archive:Follows:GroupSeconds", GroupSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Archive:Follows:MaxWaitMinutes", "1");
        builder.UseSetting("Archive:Webhooks:AllowLoopback", "true");
    }

    protected override async Task Seed() => await Import(Fixtures.V1, 201);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
    }

    /// <summary>Makes a follow through the API; answers its token and the JSON.</summary>
    public async Task<(string Token, JsonNode Body)> Follow(object request)
    {
        var body = await (await Host.Scenario(s =>
        {
            s.Post.Json(request).ToUrl("/api/follows");
            s.StatusCodeShouldBe(201);
        })).ReadJson();
        return ((string)body["token"]!, body);
    }

    /// <summary>Makes a follow that mails <paramref name="email"/>, and confirms the address from the confirmation mail, as its owner would.</summary>
    public async Task<(string Token, Follow Follow)> FollowWithMail(object request, string email)
    {
        var withMail = System.Text.Json.JsonSerializer.SerializeToNode(request)!.AsObject();
        withMail["email"] = email;
        var (token, _) = await Follow(withMail);
        MimeMessage confirmation;
        try { confirmation = await Mail.WaitFor(m => m.To.Mailboxes.Any(b => b.Address == email) && (m.Subject ?? "").StartsWith("Bevestig"), $"confirming {email}", 30); }
        catch (TimeoutException e) { throw new TimeoutException($"{e.Message}; Wolverine holds: {await MessagesHeld()}"); }
        var confirm = Link(confirmation, "/volgen/bevestigen/");
        await Host.Scenario(s =>
        {
            s.Post.Url(new Uri(confirm).PathAndQuery);
            s.StatusCodeShouldBe(200);
        });
        return (token, (await Load(token))!);
    }

    /// <summary>For a mail that did not come: the messages Wolverine still holds or gave up on, and why.</summary>
    async Task<string> MessagesHeld()
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("""
            select string_agg(what, ' | ') from (
                select 'dead: ' || message_type || ' ' || coalesce(exception_message, '') as what from archive.wolverine_dead_letters
                union all
                select 'incoming: ' || message_type || ' ' || status || ' after ' || attempts || ' attempts' from archive.wolverine_incoming_envelopes) held
            """, connection);
        return await command.ExecuteScalarAsync() as string ?? "nothing";
    }

    public async Task<Follow?> Load(string token)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<Follow>(Api.Following.Follow.IdOf(token));
    }

    public async Task<int> FollowCount()
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<Follow>().CountAsync();
    }

    /// <summary>The first link in a mail's text that contains <paramref name="path"/>.</summary>
    public static string Link(MimeMessage mail, string path) =>
        mail.TextBody!.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).First(w => w.Contains(path) && w.StartsWith("http"));

    public async Task<XDocument> Atom(string token) =>
        XDocument.Parse(await (await Host.Scenario(s => s.Get.Url($"/feeds/follows/{token}.atom"))).ReadAsTextAsync());

    public static string Page(string number, int volgnummer, string words) => $"""
        [overzicht]

        Motie {number}

        Motie van het lid Proef

        Nummer: {number}, datum: 2026-03-02, bijgewerkt: 2026-03-02 10:00, versie: 1

        Onderdeel van kamerstukdossier 36180 -{volgnummer} Doen waar Nederland goed in is.

        Preview document (🔗 origineel)

        {words}
        """;
}

[Collection(ArchiveCollection.Name)]
public sealed class when_following(FollowingArchive archive) : IClassFixture<FollowingArchive>
{
    static readonly XNamespace A = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task bad_requests_get_a_clear_problem_and_make_nothing()
    {
        var before = await archive.FollowCount();
        (object Body, string Title)[] cases =
        [
            (new { dossier = "99999" }, "Unknown dossier"),
            (new { document = "2026D99999" }, "Unknown document"),
            (new { dossier = "36180x" }, "Invalid filter"),
            (new { q = "-alleen -uitgesloten" }, "Invalid filter"),
            (new { q = new string('a', 1_001) }, "Invalid filter"),
            (new { zaak = "2099Z00001" }, "Unknown zaak"),
            (new { kind = "Geen soort" }, "Unknown kind"),
            (new { }, "Nothing to follow"),
            (new { q = "welvarend", email = "geen-adres" }, "Invalid email"),
            (new { q = "welvarend", email = "Naam <a@b.nl>" }, "Invalid email"),
            (new { q = "welvarend", email = "a@b.nl\r\nBcc: c@d.nl" }, "Invalid email"),
            (new { q = "welvarend", email = "iemand@localhost" }, "Invalid email"),
            (new { q = "welvarend", digest = "hourly" }, "Invalid digest"),
            (new { q = "welvarend", label = "a\u0001b" }, "Invalid label"),
        ];
        foreach (var (body, title) in cases)
        {
            var problem = await (await archive.Host.Scenario(s =>
            {
                s.Post.Json(body).ToUrl("/api/follows");
                s.StatusCodeShouldBe(400);
                s.ContentTypeShouldBe("application/problem+json");
            })).ReadJson();
            Assert.Equal(title, (string)problem["title"]!);
        }
        Assert.Equal(before, await archive.FollowCount());
        Assert.DoesNotContain(archive.Mail.Received, m => m.To.ToString().Contains("b.nl"));
    }

    [Fact]
    public async Task one_address_waits_for_at_most_three_confirmations()
    {
        for (var n = 0; n < 3; n++) await archive.Follow(new { q = "welvarend", email = "doelwit@voorbeeld.nl" });
        var before = await archive.FollowCount();
        var problem = await (await archive.Host.Scenario(s =>
        {
            s.Post.Json(new { q = "welvarend", email = "doelwit@voorbeeld.nl" }).ToUrl("/api/follows");
            s.StatusCodeShouldBe(429);
        })).ReadJson();
        Assert.Equal("Too many unconfirmed follows", (string)problem["title"]!);
        Assert.Equal(before, await archive.FollowCount());
        // Another address is not held up by it.
        await archive.Follow(new { q = "welvarend", email = "iemand-anders@voorbeeld.nl" });
    }

    [Fact]
    public async Task a_forged_or_mistyped_link_finds_nothing_and_changes_nothing()
    {
        var (token, _) = await archive.Follow(new { q = "welvarend", label = "echt" });
        var forged = Follow.NewToken();
        foreach (var url in new[] { $"/api/follows/{forged}", $"/api/follows/{token[..^1]}", $"/api/follows/{token}x", $"/feeds/follows/{forged}.atom", $"/api/follows/{forged}/changes?since=2026-01-01" })
            await archive.Host.Scenario(s => { s.Get.Url(url); s.StatusCodeShouldBe(404); });
        await archive.Host.Scenario(s => { s.Put.Json(new { q = "anders" }).ToUrl($"/api/follows/{forged}"); s.StatusCodeShouldBe(404); });
        await archive.Host.Scenario(s => { s.Delete.Url($"/api/follows/{forged}"); s.StatusCodeShouldBe(404); });
        foreach (var page in new[] { $"/volgen/{forged}", $"/volgen/stoppen/{Follow.NewCode()}", "/volgen/stoppen/kort", $"/volgen/bevestigen/{Follow.NewCode()}" })
            await archive.Host.Scenario(s => { s.Get.Url(page); s.StatusCodeShouldBe(404); });

        var follow = await archive.GetJson($"/api/follows/{token}");
        Assert.Equal("echt", (string)follow["label"]!);
        Assert.Equal("zoekopdracht ‘welvarend’", (string)follow["describes"]!);
    }

    [Fact]
    public async Task a_follow_can_be_changed_and_deleted_with_its_link_and_a_bad_change_changes_nothing()
    {
        var (token, _) = await archive.Follow(new { dossier = "36180" });
        await archive.Host.Scenario(s => { s.Put.Json(new { dossier = "99999" }).ToUrl($"/api/follows/{token}"); s.StatusCodeShouldBe(400); });
        Assert.Equal("36180", (await archive.Load(token))!.Filter.Dossier);

        await archive.Host.Scenario(s => { s.Put.Json(new { q = "welvarend", kind = "Verslag van een schriftelijk overleg" }).ToUrl($"/api/follows/{token}"); s.StatusCodeShouldBe(200); });
        var changed = (await archive.Load(token))!;
        Assert.Equal(("welvarend", "Verslag van een schriftelijk overleg", (string?)null), (changed.Filter.Q, changed.Filter.Kind, changed.Filter.Dossier));

        await archive.Host.Scenario(s => { s.Delete.Url($"/api/follows/{token}"); s.StatusCodeShouldBe(204); });
        Assert.Null(await archive.Load(token));
        await archive.Host.Scenario(s => { s.Get.Url($"/api/follows/{token}"); s.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task what_changed_since_for_a_follows_query_reaches_back_before_the_follow_was_made()
    {
        var (token, _) = await archive.Follow(new { document = "2026D04632" });
        var changes = await archive.GetJson($"/api/follows/{token}/changes?since=2026-01-01");
        var list = changes["changes"]!.AsArray();
        Assert.Equal("created", (string)list[0]!["what"]!);
        Assert.Equal("2026D04632", (string)list[0]!["document"]!);
        var page = await (await archive.Host.Scenario(s => s.Get.Url($"/volgen/{token}?sinds=2026-01-01"))).ReadAsTextAsync();
        Assert.Contains("id=\"sinds-lijst\"", page);
        Assert.Contains("Nieuw document", page);
        await archive.Host.Scenario(s => { s.Get.Url($"/volgen/{token}?sinds=gisteren"); s.StatusCodeShouldBe(400); });
        await archive.Host.Scenario(s => { s.Get.Url($"/api/follows/{token}/changes"); s.StatusCodeShouldBe(400); });
        await archive.Host.Scenario(s => { s.Get.Url($"/api/follows/{token}/changes?since=gisteren"); s.StatusCodeShouldBe(400); });
        await archive.Host.Scenario(s => { s.Get.Url($"/api/follows/{token}/changes?since=2026-01-01&limit=0"); s.StatusCodeShouldBe(400); });
    }

    [Fact]
    public async Task fifty_new_documents_of_one_dossier_make_one_mail_per_follower()
    {
        var (_, dossierFollow) = await archive.FollowWithMail(new { dossier = "36180" }, "dossier@volger.nl");
        var (_, searchFollow) = await archive.FollowWithMail(new { q = "stikstofruimte" }, "zoeker@volger.nl");
        var (_, otherFollow) = await archive.FollowWithMail(new { q = "nergensvoorkomend" }, "niemand@volger.nl");

        var files = Enumerable.Range(1, 50)
            .Select(i => ($"2026D7{i:0000}.txt", System.Text.Encoding.UTF8.GetBytes(FollowingArchive.Page($"2026D7{i:0000}", 300 + i, $"Verzoekt de regering de stikstofruimte nummer {i} te verdelen."))))
            .ToArray();
        await archive.ImportFiles(200, files);

        var toDossier = await archive.Mail.WaitFor(m => m.To.ToString().Contains("dossier@volger.nl") && !(m.Subject ?? "").StartsWith("Bevestig"), "to the dossier's follower");
        var toSearch = await archive.Mail.WaitFor(m => m.To.ToString().Contains("zoeker@volger.nl") && !(m.Subject ?? "").StartsWith("Bevestig"), "to the search's follower");
        // Quiet for three times the grouping: a second mail would have come by now.
        await Task.Delay(TimeSpan.FromSeconds(FollowingArchive.GroupSeconds * 3 + 2));

        Assert.Single(archive.Mail.To("dossier@volger.nl"), m => !(m.Subject ?? "").StartsWith("Bevestig"));
        Assert.Single(archive.Mail.To("zoeker@volger.nl"), m => !(m.Subject ?? "").StartsWith("Bevestig"));
        Assert.DoesNotContain(archive.Mail.To("niemand@volger.nl"), m => !(m.Subject ?? "").StartsWith("Bevestig"));
        foreach (var mail in new[] { toDossier, toSearch })
        {
            Assert.StartsWith("50 wijzigingen", mail.Subject![(mail.Subject!.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
            Assert.Equal(50, mail.TextBody!.Split('\n').Count(l => l.StartsWith("* Nieuw document: 2026D7", StringComparison.Ordinal)));
            Assert.Contains("Dossier 36180", mail.TextBody);
            Assert.Contains("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
            Assert.StartsWith($"<{ArchiveHost.PublicBaseUrl}/volgen/stoppen/", mail.Headers["List-Unsubscribe"]);
        }
        Assert.NotEqual(dossierFollow.StopCode, searchFollow.StopCode);
        Assert.NotNull(otherFollow);
    }

    [Fact]
    public async Task fifty_new_documents_of_one_dossier_in_one_portal_sync_make_one_mail_per_follower()
    {
        await archive.FollowWithMail(new { dossier = "36180" }, "sync-een@volger.nl");
        await archive.FollowWithMail(new { dossier = "36180", label = "Handel" }, "sync-twee@volger.nl");
        await using var portal = await Syncing.HostilePortal.StartAsync();
        portal.Dossier = (Guid.NewGuid(), "36180");
        portal.Documents = Enumerable.Range(1, 50).Select(i => new Syncing.PortalDocument($"2026D6{i:0000}")).ToList();

        var report = await archive.Host.Services.GetRequiredService<Api.Importing.Syncing.OdpSync>().RunAsync(
            Api.Importing.Syncing.FeedSource.For(portal.BaseUrl, archive.Host.Services.GetRequiredService<IHttpClientFactory>()), null, CancellationToken.None);
        Assert.True(report.Succeeded, report.Problem);
        Assert.Equal(50, report.Sum(p => p.Created));

        foreach (var email in new[] { "sync-een@volger.nl", "sync-twee@volger.nl" })
            await archive.Mail.WaitFor(m => m.To.ToString().Contains(email) && !(m.Subject ?? "").StartsWith("Bevestig"), $"to {email}");
        await Task.Delay(TimeSpan.FromSeconds(FollowingArchive.GroupSeconds * 3 + 2));
        foreach (var email in new[] { "sync-een@volger.nl", "sync-twee@volger.nl" })
        {
            var mail = Assert.Single(archive.Mail.To(email), m => !(m.Subject ?? "").StartsWith("Bevestig"));
            Assert.EndsWith("50 wijzigingen in het archief", mail.Subject);
            Assert.Equal(50, mail.TextBody!.Split('\n').Count(l => l.StartsWith("* Nieuw document: 2026D6", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task a_new_version_reaches_the_feed_and_the_mail_with_its_summary_and_the_stop_link_stops_the_mail()
    {
        const string email = "versies@volger.nl";
        var (token, follow) = await archive.FollowWithMail(new { zaak = "2026Z02003", label = "Handelsbeleid" }, email);
        await archive.Import(Fixtures.V2);

        var mail = await archive.Mail.WaitFor(m => m.To.ToString().Contains(email) && (m.Subject ?? "").StartsWith("Handelsbeleid: 1 wijziging"), "with the new version");
        Assert.Contains("* Nieuwe versie (revisie 2): 2026D04632", mail.TextBody);
        Assert.Contains("VVD, vraag 6: antwoord gewijzigd (+2 −2 woorden)", mail.TextBody);
        var diff = FollowingArchive.Link(mail, "/diff?");
        Assert.Equal($"{ArchiveHost.PublicBaseUrl}/documents/2026D04632/diff?from=1&to=2", diff);
        await archive.Host.Scenario(s => { s.Get.Url(new Uri(diff).PathAndQuery); s.StatusCodeShouldBe(200); });

        var entry = (await archive.Atom(token)).Descendants(A + "entry").Single();
        var sequence = long.Parse(entry.Element(A + "id")!.Value["urn:archive:change:".Length..]);
        Assert.True((long)(await archive.GetJson("/api/changes/lag"))["followsMatched"]! >= sequence);
        Assert.Contains("revisie 2", entry.Element(A + "title")!.Value);
        Assert.Contains("VVD, vraag 6: antwoord gewijzigd", entry.Element(A + "content")!.Value);
        Assert.Contains(entry.Elements(A + "link"), l => (string?)l.Attribute("rel") == "related" && ((string)l.Attribute("href")!).EndsWith("/documents/2026D04632/diff?from=1&to=2"));

        // The mail program's one-click stop: a POST to the List-Unsubscribe address with no antiforgery token.
        var stop = mail.Headers["List-Unsubscribe"]!.Trim('<', '>');
        await archive.Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }).ToUrl(new Uri(stop).PathAndQuery);
            s.StatusCodeShouldBe(200);
        });
        Assert.NotNull((await archive.Load(token))!.MailStoppedAt);

        await archive.Post("/api/documents/2026D04632/withdrawal", new { sourceUpdatedAt = "2026-03-01T00:00:00Z", reason = "tk:verwijderd" });
        await WaitFor(async () => (await archive.Atom(token)).Descendants(A + "entry").Count() == 2, "the withdrawal in the follow's feed");
        await Task.Delay(TimeSpan.FromSeconds(FollowingArchive.GroupSeconds * 3 + 2));
        Assert.Single(archive.Mail.To(email), m => !(m.Subject ?? "").StartsWith("Bevestig"));
        Assert.Equal(follow.StopCode, (await archive.Load(token))!.StopCode);

        // Its owner saving it with the same address asks for mail again; no new confirmation is needed.
        await archive.Host.Scenario(s => { s.Put.Json(new { zaak = "2026Z02003", label = "Handelsbeleid", email }).ToUrl($"/api/follows/{token}"); s.StatusCodeShouldBe(200); });
        var resumed = (await archive.Load(token))!;
        Assert.Null(resumed.MailStoppedAt);
        Assert.True(resumed.EmailConfirmed);
    }

    [Fact]
    public async Task a_webhook_with_a_search_filter_gets_only_the_matching_changes()
    {
        await using var receiver = await Receiver.StartAsync();
        var subscribed = await (await archive.Post("/api/subscriptions", new { url = receiver.Url, filter = new { q = "kwartelkoning" } }, 201)).ReadJson();
        receiver.Secret = (string)subscribed["secret"]!;
        await archive.Post("/api/subscriptions", new { url = receiver.Url, filter = new { q = "\"" } }, 400);

        await archive.ImportFiles(200,
            ("a.txt", System.Text.Encoding.UTF8.GetBytes(FollowingArchive.Page("2026D80001", 901, "Over de kwartelkoning en zijn leefgebied."))),
            ("b.txt", System.Text.Encoding.UTF8.GetBytes(FollowingArchive.Page("2026D80002", 902, "Over de grutto."))),
            ("c.txt", System.Text.Encoding.UTF8.GetBytes(FollowingArchive.Page("2026D80003", 903, "Nogmaals de kwartelkoning."))));

        await receiver.WaitFor(() => receiver.Received.Count >= 2, "two matching changes");
        await using var session = archive.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var wanted = (await session.Query<Archive.Api.ChangeFeed.ChangeRecord>().Where(c => c.Subject == "2026D80001" || c.Subject == "2026D80003")
            .Select(c => c.Id).ToListAsync()).Order().ToList();
        await Task.Delay(1000);
        Assert.Equal(wanted, receiver.Received.Order().ToList());
    }

    [Fact]
    public async Task a_follow_survives_a_restart()
    {
        var (token, _) = await archive.Follow(new { dossier = "36180", label = "blijft" });
        await using var restarted = await AlbaHost.For<Program>(x =>
        {
            x.UseEnvironment("Development");
            x.UseSetting("ConnectionStrings:Archive", archive.ConnectionString);
            x.UseSetting("Archive:ApiKey", ArchiveHost.ApiKey);
            x.ConfigureServices(s => { s.RunWolverineInSoloMode(); s.DisableAllExternalWolverineTransports(); });
        });
        var follow = await (await restarted.Scenario(s => s.Get.Url($"/api/follows/{token}"))).ReadJson();
        Assert.Equal("blijft", (string)follow["label"]!);
        await restarted.Scenario(s => { s.Get.Url($"/feeds/follows/{token}.atom"); s.StatusCodeShouldBe(200); });
    }

    static async Task WaitFor(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not within 60 s: {what}");
            await Task.Delay(200);
        }
    }
}
