using Archive.Api.Documents.Annotating;
using Archive.Api.Documents.GettingHistory;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Api.Pages.Documents;

/// <summary>A revision paragraph by paragraph, each with the revision that brought it in its present form; each paragraph has a stable anchor to cite.</summary>
public sealed class BlameModel(IQuerySession session) : ArchivePage
{
    [FromRoute] public string Nr { get; set; } = "";
    [FromQuery] public string? Revision { get; set; }

    public int Shown { get; private set; }
    public IReadOnlyList<RevisionEntry> Revisions { get; private set; } = [];
    public IReadOnlyList<BlamedParagraph> Paragraphs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await DocumentHistory.LoadAsync(session, Nr, ct) is not { } history)
            return Fail(404, "Onbekend document", $"Het archief heeft geen document met nummer '{Nr}'.");
        Revisions = history.Revisions;
        if (string.IsNullOrWhiteSpace(Revision)) Shown = Revisions.Count;
        else if (!int.TryParse(Revision, System.Globalization.NumberStyles.None, null, out var n) || n < 1 || n > Revisions.Count)
            return Fail(new ProblemView(404, "Onbekende revisie", $"Document {Nr} heeft revisies 1 tot en met {Revisions.Count}; '{Revision}' is daar geen van.",
                [($"Terug naar {Nr}", $"/documents/{Nr}")]));
        else Shown = n;
        Paragraphs = await DocumentBlame.ParagraphsAsync(session, history, Shown, ct);
        ViewData["Title"] = $"{Nr}, revisie {Shown}: herkomst per alinea";
        return Page();
    }
}
