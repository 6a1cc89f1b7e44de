using System.Net;
using System.Text;
using Archive.Api.ChangeFeed;
using Archive.Api.Dossiers;
using Archive.Content.Documents;
using MimeKit;

namespace Archive.Api.Following;

/// <summary>The mails a follow sends: a digest of its changes, and the confirmation of its address. Plain text and HTML, both with every link absolute.</summary>
public static class FollowMail
{
    /// <summary>A mail lists at most this many changes; the rest are counted and linked (the follow's feed has them all).</summary>
    public const int MaxListed = 200;

    public static string Name(Follow follow) => follow.Label ?? Describe(follow.Filter);

    /// <summary>What a follow follows, in Dutch, from its filter.</summary>
    public static string Describe(ChangeFilter f)
    {
        var parts = new List<string>();
        if (f.Q is { } q) parts.Add($"zoekopdracht ‘{q}’");
        if (f.Document is { } document) parts.Add($"document {document}");
        if (f.Dossier is { } dossier) parts.Add($"dossier {dossier}");
        if (f.Zaak is { } zaak) parts.Add($"zaak {zaak}");
        if (f.Kind is { } kind) parts.Add($"soort ‘{kind}’");
        return parts.Count == 0 ? "alles" : string.Join(", ", parts);
    }

    /// <summary>One mail for the changes (oldest first), grouped by dossier, with a one-click stop link (RFC 8058) in its headers and at its foot.</summary>
    public static MimeMessage Digest(Follow follow, IReadOnlyList<DossierChange> changes, int notListed, string baseUrl, MailSettings mail)
    {
        var stop = $"{baseUrl}/volgen/stoppen/{follow.StopCode}";
        var count = changes.Count + notListed;
        var message = Message(mail, follow.Email!, $"{Name(follow)}: {count} {(count == 1 ? "wijziging" : "wijzigingen")} in het archief");
        message.Headers.Add("List-Unsubscribe", $"<{stop}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        var text = new StringBuilder();
        var html = new StringBuilder("<!doctype html><html lang=\"nl\"><body style=\"font-family:sans-serif\">");
        text.AppendLine($"Wat er veranderde bij uw volg-opdracht ‘{Name(follow)}’:").AppendLine();
        html.Append($"<p>Wat er veranderde bij uw volg-opdracht ‘{Html(Name(follow))}’:</p>");
        foreach (var group in changes.GroupBy(c => c.Dossier))
        {
            var heading = group.Key is { } d ? $"Dossier {d}" : "Zonder dossier";
            text.AppendLine(heading).AppendLine(new string('-', heading.Length));
            html.Append($"<h2 style=\"font-size:1.1em\">{(group.Key is { } dossier ? $"<a href=\"{baseUrl}/dossiers/{dossier}\">{Html(heading)}</a>" : Html(heading))}</h2><ul>");
            foreach (var c in group)
            {
                var document = $"{baseUrl}/documents/{c.Document}{(c.Revision is { } r ? $"?revision={r}" : "")}";
                var diff = c.What == "revised" ? $"{baseUrl}/documents/{c.Document}/diff?from={c.Revision - 1}&to={c.Revision}" : null;
                text.AppendLine($"* {DossierChanges.InDutch(c)}: {c.Document} {c.Title}".TrimEnd());
                text.AppendLine($"  {document}");
                html.Append($"<li><strong>{Html(DossierChanges.InDutch(c))}</strong>: <a href=\"{document}\">{Html(c.Document)}</a> {Html(c.Title ?? "")}");
                html.Append($" <small>(bijgewerkt {Html(DutchTime.Local(c.SourceUpdatedAt))})</small>");
                if (c.Summary.Count > 0 || c.ChangedFields.Count > 0)
                {
                    html.Append("<ul>");
                    foreach (var s in c.Summary) { text.AppendLine($"  - {s}"); html.Append($"<li>{Html(s)}</li>"); }
                    if (c.ChangedFields.Count > 0)
                    {
                        text.AppendLine($"  - gegevens: {string.Join(", ", c.ChangedFields)}");
                        html.Append($"<li>gegevens: {Html(string.Join(", ", c.ChangedFields))}</li>");
                    }
                    html.Append("</ul>");
                }
                if (diff is not null) { text.AppendLine($"  Verschil: {diff}"); html.Append($" <a href=\"{diff}\">verschil</a>"); }
                html.Append("</li>");
            }
            text.AppendLine();
            html.Append("</ul>");
        }
        if (notListed > 0)
        {
            // The follow's page and feed have them all; this mail cannot link there (the Archive keeps no token to make the link from).
            text.AppendLine($"En nog {notListed} wijzigingen, die deze mail niet noemt: de pagina van uw volg-opdracht toont ze alle.").AppendLine();
            html.Append($"<p>En nog {notListed} wijzigingen, die deze mail niet noemt: de pagina van uw volg-opdracht toont ze alle.</p>");
        }
        text.AppendLine("Geen mail meer voor deze volg-opdracht? Eén klik:").AppendLine(stop);
        html.Append($"<hr><p><small>Geen mail meer voor deze volg-opdracht? <a href=\"{stop}\">Stop de mails</a>.</small></p></body></html>");
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;
    }

    /// <summary>The mail that confirms an address: it holds the follow's own link too, which the Archive cannot make again later.</summary>
    public static MimeMessage Confirmation(Follow follow, string token, string baseUrl, MailSettings mail)
    {
        var confirm = $"{baseUrl}/volgen/bevestigen/{follow.ConfirmCode}";
        var page = $"{baseUrl}/volgen/{token}";
        var message = Message(mail, follow.Email!, $"Bevestig uw volg-opdracht ‘{Name(follow)}’");
        var text = $"""
            Iemand, hopelijk u, wil mail van het archief over ‘{Name(follow)}’.

            Bevestig dit adres om mail te krijgen:
            {confirm}

            Bewaar deze mail: met deze link ziet, wijzigt of verwijdert u de volg-opdracht.
            {page}

            Niet door u gevraagd? Dan hoeft u niets te doen: zonder bevestiging krijgt u geen mail.
            """;
        var html = $"""
            <!doctype html><html lang="nl"><body style="font-family:sans-serif">
            <p>Iemand, hopelijk u, wil mail van het archief over ‘{Html(Name(follow))}’.</p>
            <p><a href="{confirm}">Bevestig dit adres</a> om mail te krijgen.</p>
            <p>Bewaar deze mail: met <a href="{page}">deze link</a> ziet, wijzigt of verwijdert u de volg-opdracht.</p>
            <p><small>Niet door u gevraagd? Dan hoeft u niets te doen: zonder bevestiging krijgt u geen mail.</small></p>
            </body></html>
            """;
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    static MimeMessage Message(MailSettings mail, string to, string subject)
    {
        var message = new MimeMessage { Subject = subject };
        message.From.Add(MailboxAddress.Parse(mail.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    static string Html(string text) => WebUtility.HtmlEncode(text);
}
