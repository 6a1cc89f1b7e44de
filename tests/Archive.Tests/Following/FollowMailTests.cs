using Archive.Api;
using Archive.Api.ChangeFeed;
using Archive.Api.Dossiers;
using Archive.Api.Following;

namespace Archive.Tests.Following;

public class FollowMailTests
{
    static readonly Follow Follow = new()
    {
        Id = "x", Email = "lezer@voorbeeld.nl", EmailConfirmed = true, StopCode = "0123456789abcdef0123456789abcdef",
        Filter = new ChangeFilter("36180", null, null, Q: "stikstof"),
    };

    static DossierChange Change(long sequence, string what, string document, int? revision, string? dossier, params string[] summary) =>
        new(sequence, what, document, revision, $"Titel {document}", "Motie", DateTimeOffset.Parse("2026-03-02T10:00:00Z"), DateTimeOffset.Parse("2026-03-02T10:00:05Z"),
            [], summary, new Dictionary<string, string>(), dossier);

    [Fact]
    public void a_digest_groups_its_changes_by_dossier_and_links_every_one_absolutely()
    {
        var mail = FollowMail.Digest(Follow,
            [Change(1, "created", "2026D00001", 1, "36180"), Change(2, "revised", "2026D00002", 3, "36180", "VVD, vraag 7: antwoord gewijzigd (+12 −3 woorden)"),
             Change(3, "withdrawn", "2026D00003", null, "36200"), Change(4, "created", "2026D00004", 1, null)],
            0, "https://archief.example", new MailSettings { Host = "smtp.example" });

        Assert.Equal("zoekopdracht ‘stikstof’, dossier 36180: 4 wijzigingen in het archief", mail.Subject);
        var text = mail.TextBody!;
        Assert.True(text.IndexOf("Dossier 36180", StringComparison.Ordinal) < text.IndexOf("Dossier 36200", StringComparison.Ordinal));
        Assert.Contains("Zonder dossier", text);
        Assert.Contains("* Nieuwe versie (revisie 3): 2026D00002 Titel 2026D00002", text);
        Assert.Contains("  - VVD, vraag 7: antwoord gewijzigd (+12 −3 woorden)", text);
        Assert.Contains("Verschil: https://archief.example/documents/2026D00002/diff?from=2&to=3", text);
        Assert.Contains("* Ingetrokken: 2026D00003", text);
        Assert.Contains("https://archief.example/volgen/stoppen/0123456789abcdef0123456789abcdef", text);
        Assert.Equal("<https://archief.example/volgen/stoppen/0123456789abcdef0123456789abcdef>", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("<a href=\"https://archief.example/documents/2026D00002/diff?from=2&to=3\">verschil</a>", mail.HtmlBody);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
    }

    [Fact]
    public void what_a_digest_does_not_list_it_counts()
    {
        var mail = FollowMail.Digest(Follow, [Change(1, "created", "2026D00001", 1, "36180")], 250, "https://archief.example", new MailSettings { Host = "smtp.example" });
        Assert.EndsWith("251 wijzigingen in het archief", mail.Subject);
        Assert.Contains("En nog 250 wijzigingen", mail.TextBody);
    }

    [Fact]
    public void text_from_the_source_is_escaped_in_the_html_part()
    {
        var change = Change(1, "created", "2026D00001", 1, "36180") with { Title = "<script>alert(1)</script>" };
        var mail = FollowMail.Digest(Follow, [change], 0, "https://archief.example", new MailSettings { Host = "smtp.example" });
        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody);
    }

    [Theory]
    [InlineData("lezer@voorbeeld.nl", true)]
    [InlineData("voor.naam+archief@sub.voorbeeld.nl", true)]
    [InlineData("geen-adres", false)]
    [InlineData("iemand@localhost", false)]
    [InlineData("Naam <lezer@voorbeeld.nl>", false)]
    [InlineData("a@b.nl, c@d.nl", false)]
    [InlineData("a@b.nl\r\nBcc: c@d.nl", false)]
    [InlineData("@voorbeeld.nl", false)]
    [InlineData("lezer@voorbeeld.", false)]
    public void only_one_plain_address_is_an_address(string email, bool valid) =>
        Assert.Equal(valid, FollowInput.EmailProblem(email) is null);

    [Fact]
    public void a_token_is_43_characters_of_base64url_and_only_its_hash_is_an_id()
    {
        var token = Follow.NewToken();
        Assert.True(Follow.IsTokenShaped(token));
        Assert.False(Follow.IsTokenShaped(token + "x"));
        Assert.False(Follow.IsTokenShaped(token[..42] + "/"));
        Assert.Equal(64, Follow.IdOf(token).Length);
        Assert.DoesNotContain(token, Follow.IdOf(token));
        Assert.NotEqual(token, Follow.NewToken());
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("2026Z02003", null, null)]
    [InlineData("2026 Z02003", null, "zaak")]
    [InlineData(null, "motie -vervallen \"vraag 7\" or amendement", null)]
    [InlineData(null, "-alleen", "q")]
    [InlineData(null, "\"", "q")]
    public void a_zaak_and_a_search_query_are_checked_as_filters(string? zaak, string? q, string? problem)
    {
        var found = new ChangeFilter(null, null, null, zaak, q).Problem();
        if (problem is null) Assert.Null(found);
        else Assert.StartsWith(problem, found);
    }
}
