using Archive.Api.ChangeFeed;
using Archive.Api.Documents.TimeTravel;
using Archive.Api.Dossiers;
using Marten;
using MimeKit;

namespace Archive.Api.Following;

/// <summary>What someone asks to follow, as the API and the pages take it.</summary>
/// <param name="Q">A search query, in the search's own syntax; <paramref name="Kind"/> and <paramref name="Dossier"/> narrow it as the search's filters do.</param>
/// <param name="Digest">immediate (the default) or daily.</param>
public sealed record FollowRequest(string? Document = null, string? Dossier = null, string? Zaak = null, string? Kind = null, string? Q = null,
    string? Email = null, string? Digest = null, string? Label = null);

/// <summary>A follow request checked: every part the Archive can judge, judged before anything is stored.</summary>
public sealed record CheckedFollow(ChangeFilter Filter, string? Email, MailDigest Digest, string? Label);

/// <param name="Title">For the API's ProblemDetails, with <paramref name="Detail"/>.</param>
/// <param name="InDutch">The same for a reader of the pages.</param>
/// <param name="Status">400, or 429 when an address already waits for too many confirmations.</param>
public sealed record FollowRefusal(string Title, string Detail, string InDutch, int Status = 400);

public static class FollowInput
{
    public const int MaxLabelLength = 200, MaxEmailLength = 254;

    /// <summary>
    /// Follows one address may have waiting for confirmation. Anyone can make a follow for any
    /// address, and each sends that address a confirmation mail: this bounds what a stranger can
    /// have sent to it.
    /// </summary>
    public const int MaxUnconfirmedPerAddress = 3;

    /// <param name="editing">The follow being changed, if any: its own address does not count against it.</param>
    public static async Task<(CheckedFollow? Follow, FollowRefusal? Refusal)> CheckAsync(IQuerySession session, FollowRequest request, bool mailEnabled, CancellationToken ct,
        Follow? editing = null)
    {
        var filter = new ChangeFilter(Blank(request.Dossier), Blank(request.Kind), Blank(request.Document), Blank(request.Zaak), Blank(request.Q));
        if (filter.IsEmpty)
            return Refused("Nothing to follow", "Give what to follow: document, dossier, zaak, kind or q (a search query).",
                "Kies wat u wilt volgen: een document, een dossier, een zaak, een soort document of een zoekopdracht.");
        if (filter.Problem() is { } problem)
            return Refused("Invalid filter", $"The follow was not made: {problem}.", $"Dit kan het archief niet volgen: {problem}.");
        if (filter.Document is { } document && !await session.Query<RevisionRecord>().AnyAsync(r => r.DocumentNumber == document, ct))
            return Refused("Unknown document", $"The Archive holds no document '{document}'.", $"Het archief kent geen document '{document}'.");
        if (filter.Dossier is { } dossier && await DossierView.LoadAsync(session, dossier, ct) is null)
            return Refused("Unknown dossier", $"The Archive knows no Kamerstukdossier '{dossier}': neither a document in it nor the dossier itself.",
                $"Het archief kent geen Kamerstukdossier '{dossier}'.");
        if (filter.Zaak is { } zaak && !await session.Query<RevisionRecord>().AnyAsync(r => r.Metadata.CaseNumbers.Contains(zaak), ct))
            return Refused("Unknown zaak", $"No document in the Archive names zaak '{zaak}'.", $"Geen document in het archief hoort bij zaak '{zaak}'.");
        if (filter.Kind is { } kind && !await session.Query<RevisionRecord>().AnyAsync(r => r.Kind == kind, ct))
            return Refused("Unknown kind", $"No document in the Archive is of kind '{kind}' (kinds are written as the portal writes them, such as 'Motie').",
                $"Het archief kent geen documenten van de soort '{kind}'.");
        if (Blank(request.Label) is { } label && (label.Length > MaxLabelLength || label.Any(char.IsControl)))
            return Refused("Invalid label", $"label must be at most {MaxLabelLength} characters, without control characters.", $"Een naam is hoogstens {MaxLabelLength} tekens lang.");
        var digest = MailDigest.Immediate;
        if ((Blank(request.Digest) is { } d && !Enum.TryParse(d, ignoreCase: true, out digest)) || !Enum.IsDefined(digest))
            return Refused("Invalid digest", $"digest '{request.Digest}' must be immediate or daily.", "Kies meteen of een dagelijkse samenvatting.");
        var email = Blank(request.Email);
        if (email is not null)
        {
            if (!mailEnabled)
                return Refused("No mail", "This Archive has no mail server configured (Archive:Mail:Host), so a follow cannot be given an e-mail address; its Atom feed works without one.",
                    "Dit archief verstuurt geen e-mail. Volg de wijzigingen via de Atom-feed van de volg-opdracht.");
            if (EmailProblem(email) is { } why)
                return Refused("Invalid email", $"'{email}' is not an e-mail address: {why}.", $"'{email}' is geen e-mailadres.");
            var unchanged = string.Equals(editing?.Email, email, StringComparison.OrdinalIgnoreCase);
            if (!unchanged && await session.Query<Follow>().CountAsync(f => f.Email == email && !f.EmailConfirmed, ct) >= MaxUnconfirmedPerAddress)
                return (null, new FollowRefusal("Too many unconfirmed follows",
                    $"{MaxUnconfirmedPerAddress} follows for this address already wait for their confirmation mail; confirm one, or delete one, first.",
                    $"Voor dit adres wachten al {MaxUnconfirmedPerAddress} volg-opdrachten op bevestiging: bevestig of verwijder er eerst een.", 429));
        }
        return (new CheckedFollow(filter, email, digest, Blank(request.Label)), null);
    }

    /// <summary>Why a text is not one plain address (user@domain.tld), or null: no display name, no list, no route, nothing a header could be split on.</summary>
    public static string? EmailProblem(string email) =>
        email.Length > MaxEmailLength ? $"it is longer than {MaxEmailLength} characters"
        : email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) ? "it holds a space or a control character"
        : !MailboxAddress.TryParse(email, out var address) || address.Address != email ? "it is not of the form naam@domein.nl"
        : address.Address.IndexOf('@') is var at && (at < 1 || !address.Address[(at + 1)..].Contains('.') || address.Address.EndsWith('.')) ? "it has no domain such as domein.nl after the @"
        : null;

    static (CheckedFollow?, FollowRefusal?) Refused(string title, string detail, string inDutch) => (null, new FollowRefusal(title, detail, inDutch));

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
