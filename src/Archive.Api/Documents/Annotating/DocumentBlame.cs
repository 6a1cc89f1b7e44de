using Archive.Api.Documents.GettingHistory;
using Archive.Content.Diffing;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Archive.Api.Documents.Annotating;

/// <summary>A paragraph of a revision and the revision that brought it in its present form, with both of that revision's dates.</summary>
/// <param name="Anchor">The paragraph's stable name (see <see cref="BlameLine"/>): the same in every later revision where it is unchanged or moved.</param>
/// <param name="Replaces">Anchors of the earlier forms of a changed paragraph, newest first: a link to one of them lands on this paragraph.</param>
public sealed record BlamedParagraph(int Line, string Anchor, string Text, int Revision, DateTimeOffset SourceUpdatedAt, DateTimeOffset RecordedAt,
    IReadOnlyList<string> Replaces, string? Diff);

public sealed record BlameResponse(string Number, int Revision, IReadOnlyList<BlamedParagraph> Paragraphs);

/// <summary>GET /api/documents/{nr}/blame?revision=n: each paragraph of a revision with the revision that made it what it is.</summary>
public static class DocumentBlame
{
    [WolverineGet("/api/documents/{nr}/blame", OperationId = "BlameRevision")]
    [Tags("Documents"), EndpointSummary("Each paragraph of a revision (the latest when none is given) labelled with the revision that brought it in its present form, and a stable anchor")]
    [ProducesResponseType<BlameResponse>(200), ProducesResponseType<ProblemDetails>(400, "application/problem+json"), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(string nr, IQuerySession session, CancellationToken ct, int? revision = null)
    {
        if (await DocumentHistory.LoadAsync(session, nr, ct) is not { } history) return Problems.UnknownDocument(nr);
        var n = revision ?? history.Revisions.Count;
        if (n < 1 || n > history.Revisions.Count)
            return Problems.Status(404, "Unknown revision", $"Document '{nr}' has revisions 1 to {history.Revisions.Count}.");
        return Results.Ok(new BlameResponse(nr, n, await ParagraphsAsync(session, history, n, ct)));
    }

    /// <summary>
    /// The non-blank paragraphs of revision <paramref name="revision"/>, blamed: reads the text of every revision up to it once.
    /// (Not named LoadAsync: Wolverine would run a method of that name before the endpoint, as its middleware.)
    /// </summary>
    public static async Task<IReadOnlyList<BlamedParagraph>> ParagraphsAsync(IQuerySession session, DocumentHistory history, int revision, CancellationToken ct)
    {
        var revisions = history.Revisions.Take(revision).ToList();
        var texts = await DocumentText.LoadManyAsync(session, revisions.Select(r => r.ContentHash).Distinct().ToArray(), ct);
        var blame = Blame.Of(revisions.Select(r => texts.GetValueOrDefault(r.ContentHash, "")).ToList(), revision);
        return blame.Where(b => !b.IsBlank).Select(b =>
        {
            var by = revisions[b.Revision - 1];
            return new BlamedParagraph(b.Line, b.Anchor, b.Text.TrimEnd('\n'), b.Revision, by.SourceUpdatedAt, by.RecordedAt, b.Replaces,
                b.Revision > 1 ? $"/documents/{history.Id}/diff?from={b.Revision - 1}&to={b.Revision}" : null);
        }).ToList();
    }
}
