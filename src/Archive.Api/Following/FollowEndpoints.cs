using Archive.Api.ChangeFeed;
using Archive.Api.Documents.TimeTravel;
using Archive.Content.Documents;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Http;

namespace Archive.Api.Following;

/// <summary>
/// Follows, without accounts: anyone may make one, and the token it answers is the only key to it.
/// A token that is not one (forged, mistyped, of a deleted follow) is a 404, the same whether or
/// not it is well formed, so that the answer says nothing about which tokens exist.
/// </summary>
public static class FollowEndpoints
{
    [WolverinePost("/api/follows", OperationId = "Follow")]
    [Tags("Follows"), EndpointSummary("Follow a document, dossier, zaak, kind or search query (every part given must hold); answers the follow's secret token, once")]
    [ProducesResponseType<FollowCreated>(201), ProducesResponseType<ProblemDetails>(400, "application/problem+json"), ProducesResponseType<ProblemDetails>(429, "application/problem+json")]
    public static async Task<IResult> Create(FollowRequest request, IDocumentSession session, IMessageBus bus, IOptions<ArchiveOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var (checkedRequest, refusal) = await FollowInput.CheckAsync(session, request, options.Value.Mail.Enabled, ct);
        if (refusal is not null) return Problems.Status(refusal.Status, refusal.Title, refusal.Detail);
        var (token, follow) = await Follows.CreateAsync(session, bus, checkedRequest!, clock, ct);
        return Results.Created($"/api/follows/{token}", new FollowCreated(token, Follows.View(follow, token)));
    }

    [WolverineGet("/api/follows/{token}", OperationId = "GetFollow")]
    [Tags("Follows"), EndpointSummary("A follow: what it follows and where its mail goes")]
    [ProducesResponseType<FollowView>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(string token, IQuerySession session, CancellationToken ct) =>
        await Follows.FindAsync(session, token, ct) is { } follow ? Results.Ok(Follows.View(follow, token)) : Unknown();

    [WolverinePut("/api/follows/{token}", OperationId = "ChangeFollow")]
    [Tags("Follows"), EndpointSummary("Change a follow: the same fields as when it was made, all of them (a new e-mail address is confirmed again)")]
    [ProducesResponseType<FollowView>(200), ProducesResponseType<ProblemDetails>(400, "application/problem+json"), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Change(string token, FollowRequest request, IDocumentSession session, IMessageBus bus, IOptions<ArchiveOptions> options, CancellationToken ct)
    {
        if (await Follows.FindAsync(session, token, ct) is not { } follow) return Unknown();
        var (checkedRequest, refusal) = await FollowInput.CheckAsync(session, request, options.Value.Mail.Enabled, ct, follow);
        if (refusal is not null) return Problems.Status(refusal.Status, refusal.Title, refusal.Detail);
        await Follows.ApplyAsync(follow, token, checkedRequest!, session, bus);
        return Results.Ok(Follows.View(follow, token));
    }

    [WolverineDelete("/api/follows/{token}", OperationId = "Unfollow")]
    [Tags("Follows"), EndpointSummary("Delete a follow, its feed and its mails")]
    [ProducesResponseType(204), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Delete(string token, IDocumentSession session, CancellationToken ct)
    {
        if (await Follows.FindAsync(session, token, ct) is not { } follow) return Unknown();
        Follows.Delete(session, follow);
        return Results.NoContent();
    }

    [WolverineGet("/api/follows/{token}/changes", OperationId = "FollowChangesSince")]
    [Tags("Follows"), EndpointSummary("What changed since a moment for a follow's query: ?since=T&axis=source|recorded&limit= (also from before the follow was made)")]
    [ProducesResponseType<FollowChangeList>(200), ProducesResponseType<ProblemDetails>(400, "application/problem+json"), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Since(string token, IQuerySession session, IOptions<ArchiveOptions> options, CancellationToken ct,
        string? since = null, string? axis = null, int limit = 100)
    {
        if (await Follows.FindAsync(session, token, ct) is not { } follow) return Unknown();
        if (string.IsNullOrWhiteSpace(since)) return Problems.Status(400, "since is missing", $"Say since when: ?since=2026-02-01 (or any moment as {AsOf.AcceptedFormats}).");
        var query = TimeTravelQuery.Parse(since, axis);
        if (query.Problem is { } problem) return problem;
        if (limit is < 1 or > Dossiers.DossierChanges.MaxLimit) return Problems.Status(400, "Invalid limit", $"limit must be between 1 and {Dossiers.DossierChanges.MaxLimit}, not {limit}.");
        return Results.Ok(await Follows.SinceAsync(session, follow, query.At, query.Axis, limit, options.Value.Diff, ct));
    }

    [WolverineGet("/feeds/follows/{token}.atom", OperationId = "FollowAtom")]
    [Tags("Follows"), EndpointSummary("The latest changes a follow matched, as an Atom feed")]
    public static async Task<IResult> Atom(string token, HttpContext http, IQuerySession session, Transparency.LogStore log, IOptions<ArchiveOptions> options, CancellationToken ct)
    {
        if (await Follows.FindAsync(session, token, ct) is not { } follow) return Unknown();
        var records = await Follows.LatestAsync(session, follow, AtomFeeds.Latest, ct);
        // The newest entries say what changed in the text: each is a diff, so not all hundred.
        var described = await Dossiers.DossierChanges.DescribeAsync(session, records.Take(Described).ToList(), options.Value.Diff, ct);
        return AtomFeeds.Atom(http, $"Volg-opdracht: {FollowMail.Name(follow)}", $"urn:archive:follow:{follow.Id[..16]}",
            records, await log.LatestAsync(ct), described.ToDictionary(c => c.Sequence));
    }

    const int Described = 20;

    static IResult Unknown() => Problems.Status(404, "Unknown follow", "There is no follow with this token: it was mistyped, or the follow was deleted.");
}
