using Archive.Api.ChangeFeed;
using Archive.Api.Documents.TimeTravel;
using Archive.Api.Dossiers;
using Archive.Api.Following;
using Archive.Content.Documents;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Marten;

namespace Archive.Api.Pages.Following;

/// <summary>/volgen/{token}: a follow's own page. Its link is the key: it shows, changes and deletes the follow, and asks what changed since a date.</summary>
public sealed class FollowModel(IDocumentSession session, IMartenOutbox outbox, IOptions<ArchiveOptions> options) : ArchivePage
{
    const int Shown = 20;

    [FromRoute] public string Token { get; set; } = "";
    /// <summary>Set (to anything) just after the follow was made: the page then says to keep its link.</summary>
    [FromQuery] public string? Nieuw { get; set; }
    [FromQuery] public string? Sinds { get; set; }
    [BindProperty] public FollowRequest Form { get; set; } = new();

    public Follow Follow { get; private set; } = null!;
    public IReadOnlyList<DossierChange> Latest { get; private set; } = [];
    public FollowChangeList? Since { get; private set; }
    public FollowRefusal? Refusal { get; private set; }
    public bool Saved { get; private set; }
    public bool MailEnabled => options.Value.Mail.Enabled;
    public string PublicLink => $"{options.Value.PublicBase}/volgen/{Token}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await Found(ct) is { } missing) return missing;
        if (!string.IsNullOrWhiteSpace(Sinds))
        {
            if (!AsOf.TryParse(Sinds, out var since))
                return Fail(400, "Onleesbare datum", $"'{Sinds}' is geen datum die het archief kan lezen; gebruik bijvoorbeeld 2026-02-01.");
            Since = await Follows.SinceAsync(session, Follow, since, Axis.Source, DossierChanges.MaxLimit, options.Value.Diff, ct);
        }
        return await Shows(ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await Found(ct) is { } missing) return missing;
        var (request, refusal) = await FollowInput.CheckAsync(session, Form, MailEnabled, ct, Follow);
        if (refusal is not null)
        {
            Refusal = refusal;
            Response.StatusCode = refusal.Status;
            return await Shows(ct);
        }
        outbox.Enroll(session);
        await Follows.ApplyAsync(Follow, Token, request!, session, outbox);
        await session.SaveChangesAsync(ct);
        Saved = true;
        return await Shows(ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (await Found(ct) is { } missing) return missing;
        Follows.Delete(session, Follow);
        await session.SaveChangesAsync(ct);
        return Redirect("/volgen/nieuw?verwijderd=1");
    }

    async Task<IActionResult?> Found(CancellationToken ct)
    {
        ViewData["Title"] = "Volg-opdracht";
        if (await Follows.FindAsync(session, Token, ct) is not { } follow)
            return Fail(404, "Onbekende volg-opdracht", "Deze link hoort bij geen volg-opdracht: hij is verkeerd overgenomen, of de volg-opdracht is verwijderd.");
        Follow = follow;
        return null;
    }

    async Task<IActionResult> Shows(CancellationToken ct)
    {
        ViewData["Title"] = $"Volg-opdracht: {FollowMail.Name(Follow)}";
        if (Refusal is null)
            Form = new FollowRequest(Follow.Filter.Document, Follow.Filter.Dossier, Follow.Filter.Zaak, Follow.Filter.Kind, Follow.Filter.Q,
                Follow.Email, Follow.Digest.ToString().ToLowerInvariant(), Follow.Label);
        var latest = await Follows.LatestAsync(session, Follow, Shown, ct);
        Latest = await DossierChanges.DescribeAsync(session, latest, options.Value.Diff, ct);
        return Page();
    }
}
