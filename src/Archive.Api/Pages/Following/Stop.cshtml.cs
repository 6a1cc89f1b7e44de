using Archive.Api.Following;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Api.Pages.Following;

/// <summary>
/// /volgen/stoppen/{code}: the stop link of every mail. GET asks (a link scanner that opens it stops
/// nothing); POST stops, from the page's button or from a mail program's one-click unsubscribe
/// (RFC 8058, which posts without an antiforgery token: stopping mail harms no one).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StopModel(IDocumentSession session, TimeProvider clock) : ArchivePage
{
    [FromRoute] public string Code { get; set; } = "";
    public Follow Follow { get; private set; } = null!;
    public bool Stopped { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Found(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await Found(ct) is { } missing) return missing;
        Follow.MailStoppedAt ??= clock.GetUtcNow();
        session.Store(Follow);
        await session.SaveChangesAsync(ct);
        Stopped = true;
        return Page();
    }

    async Task<IActionResult?> Found(CancellationToken ct)
    {
        ViewData["Title"] = "Geen mail meer";
        var follow = Follow.IsCodeShaped(Code) ? await session.Query<Follow>().FirstOrDefaultAsync(f => f.StopCode == Code, ct) : null;
        if (follow is null)
            return Fail(404, "Onbekende link", "Deze stoplink hoort bij geen volg-opdracht: hij is verkeerd overgenomen, of de volg-opdracht is verwijderd (dan komt er ook geen mail meer).");
        Follow = follow;
        return null;
    }
}
