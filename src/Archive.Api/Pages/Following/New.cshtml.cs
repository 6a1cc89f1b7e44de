using Archive.Api.Following;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Marten;

namespace Archive.Api.Pages.Following;

/// <summary>/volgen/nieuw: make a follow, from a link on a document, dossier or search page (which fills the form in).</summary>
public sealed class NewModel(IDocumentSession session, IMartenOutbox outbox, IOptions<ArchiveOptions> options, TimeProvider clock) : ArchivePage
{
    [BindProperty(SupportsGet = true)] public string? Document { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dossier { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zaak { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Digest { get; set; }
    [BindProperty] public string? Label { get; set; }

    /// <summary>Why the follow was not made, shown above the form (which keeps what was typed).</summary>
    public FollowRefusal? Refusal { get; private set; }
    public bool MailEnabled => options.Value.Mail.Enabled;

    public void OnGet() => ViewData["Title"] = "Volgen";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Volgen";
        var (request, refusal) = await FollowInput.CheckAsync(session, new FollowRequest(Document, Dossier, Zaak, Kind, Q, Email, Digest, Label), MailEnabled, ct);
        if (refusal is not null)
        {
            Refusal = refusal;
            Response.StatusCode = refusal.Status;
            return Page();
        }
        outbox.Enroll(session);
        var (token, _) = await Follows.CreateAsync(session, outbox, request!, clock, ct);
        await session.SaveChangesAsync(ct);
        return Redirect($"/volgen/{token}?nieuw=1");
    }
}
