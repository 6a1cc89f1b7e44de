using Archive.Api.Following;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Api.Pages.Following;

/// <summary>
/// /volgen/bevestigen/{code}: the link in the confirmation mail. GET asks, POST confirms (a link
/// scanner confirms nothing). No antiforgery token: only the mailbox's owner has the code, so a
/// form elsewhere cannot post it.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ConfirmModel(IDocumentSession session) : ArchivePage
{
    [FromRoute] public string Code { get; set; } = "";
    public Follow Follow { get; private set; } = null!;
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Found(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await Found(ct) is { } missing) return missing;
        (Follow.EmailConfirmed, Follow.ConfirmCode) = (true, null);
        session.Store(Follow);
        await session.SaveChangesAsync(ct);
        Confirmed = true;
        return Page();
    }

    async Task<IActionResult?> Found(CancellationToken ct)
    {
        ViewData["Title"] = "Adres bevestigen";
        var follow = Follow.IsCodeShaped(Code) ? await session.Query<Follow>().FirstOrDefaultAsync(f => f.ConfirmCode == Code, ct) : null;
        if (follow is null)
            return Fail(404, "Onbekende link", "Deze bevestigingslink hoort bij geen volg-opdracht die op bevestiging wacht: hij is al gebruikt, verkeerd overgenomen, of het adres is intussen gewijzigd.");
        Follow = follow;
        return null;
    }
}
