using Archive.Api.ChangeFeed;
using Archive.Api.Documents.TimeTravel;
using Archive.Api.Dossiers;
using Archive.Content.Documents;
using Marten;
using Wolverine;

namespace Archive.Api.Following;

/// <param name="Describes">What is followed, in Dutch, as mails and pages say it.</param>
/// <param name="Digest">immediate or daily.</param>
public sealed record FollowView(ChangeFilter Filter, string Describes, string? Label, string? Email, string Digest, bool EmailConfirmed, bool MailStopped,
    DateTimeOffset CreatedAt, IReadOnlyDictionary<string, string> Links);

/// <param name="Token">The follow's secret: whoever has it can read, change and delete the follow. Shown this once; keep it.</param>
public sealed record FollowCreated(string Token, FollowView Follow);

public sealed record FollowChangeList(DateTimeOffset Since, Axis Axis, IReadOnlyList<DossierChange> Changes, bool More);

/// <summary>Making, changing and reading follows: the same for the API and the pages. The caller saves the session (and with it the outbox).</summary>
public static class Follows
{
    public static FollowView View(Follow f, string token) => new(f.Filter, FollowMail.Describe(f.Filter), f.Label, f.Email,
        f.Digest.ToString().ToLowerInvariant(), f.EmailConfirmed, f.MailStoppedAt is not null, f.CreatedAt, Links(token));

    public static Dictionary<string, string> Links(string token) => new()
    {
        ["self"] = $"/api/follows/{token}",
        ["page"] = $"/volgen/{token}",
        ["atom"] = $"/feeds/follows/{token}.atom",
        ["changes"] = $"/api/follows/{token}/changes",
    };

    public static async Task<(string Token, Follow Follow)> CreateAsync(IDocumentSession session, IMessageBus bus, CheckedFollow request, TimeProvider clock, CancellationToken ct)
    {
        var token = Follow.NewToken();
        var follow = new Follow
        {
            Id = Follow.IdOf(token),
            CreatedAt = clock.GetUtcNow(),
            Since = await session.Query<ChangeRecord>().OrderByDescending(c => c.Id).Select(c => c.Id).FirstOrDefaultAsync(ct),
            StopCode = Follow.NewCode(),
        };
        await ApplyAsync(follow, token, request, session, bus);
        return (token, follow);
    }

    /// <summary>
    /// Changes what a follow follows and where its mail goes, all of it as given. A new address is
    /// confirmed again before it gets mail; the same address resumes mail that was stopped (saving
    /// the follow with an address is its owner asking for mail).
    /// </summary>
    public static async Task ApplyAsync(Follow follow, string token, CheckedFollow request, IDocumentSession session, IMessageBus bus)
    {
        var newAddress = request.Email is not null && !string.Equals(request.Email, follow.Email, StringComparison.OrdinalIgnoreCase);
        (follow.Filter, follow.Label, follow.Digest) = (request.Filter, request.Label, request.Digest);
        if (request.Email is null) (follow.Email, follow.EmailConfirmed, follow.ConfirmCode, follow.MailStoppedAt) = (null, false, null, null);
        else if (newAddress) (follow.Email, follow.EmailConfirmed, follow.ConfirmCode, follow.MailStoppedAt) = (request.Email, false, Follow.NewCode(), null);
        else follow.MailStoppedAt = null;
        session.Store(follow);
        if (newAddress) await bus.PublishAsync(new ConfirmFollowAddress(follow.Id, token));
    }

    public static async Task<Follow?> FindAsync(IQuerySession session, string? token, CancellationToken ct) =>
        Follow.IsTokenShaped(token) ? await session.LoadAsync<Follow>(Follow.IdOf(token!), ct) : null;

    public static void Delete(IDocumentSession session, Follow follow)
    {
        session.Delete(follow);
        session.DeleteWhere<FollowEntry>(e => e.FollowId == follow.Id);
        session.Delete<FollowProgress>(follow.Id);
    }

    /// <summary>The newest changes the follow matched (its entries), newest first.</summary>
    public static async Task<IReadOnlyList<ChangeRecord>> LatestAsync(IQuerySession session, Follow follow, int limit, CancellationToken ct)
    {
        var sequences = await session.Query<FollowEntry>().Where(e => e.FollowId == follow.Id).OrderByDescending(e => e.Sequence)
            .Select(e => e.Sequence).Take(limit).ToListAsync(ct);
        if (sequences.Count == 0) return [];
        var wanted = sequences.ToArray();
        return await session.Query<ChangeRecord>().Where(c => c.Id.IsOneOf(wanted)).OrderByDescending(c => c.Id).ToListAsync(ct);
    }

    /// <summary>Change records read per step while looking for what a follow matches since a moment, and steps at most per request.</summary>
    const int Step = 500, MaxSteps = 20;

    /// <summary>
    /// "What changed since" for a follow's query, on either clock, oldest first, from the whole
    /// change feed (so also from before the follow was made). The changes are read in steps and
    /// matched; when <see cref="MaxSteps"/> steps find fewer than asked, <see cref="FollowChangeList.More"/>
    /// says there may be more: ask again from a later moment.
    /// </summary>
    public static async Task<FollowChangeList> SinceAsync(IQuerySession session, Follow follow, DateTimeOffset since, Axis axis, int limit, DiffSettings diff, CancellationToken ct)
    {
        var found = new List<ChangeRecord>();
        var after = 0L;
        var more = false;
        for (var step = 0; ; step++)
        {
            if (step == MaxSteps) { more = true; break; }
            var records = session.Query<ChangeRecord>().Where(c => c.Id > after);
            if (follow.Filter.Document is { } document) records = records.Where(c => c.Subject == document);
            if (follow.Filter.Dossier is { } dossier) records = records.Where(c => c.Dossier == dossier);
            records = axis == Axis.Recorded ? records.Where(c => c.Data.RecordedAt >= since) : records.Where(c => c.Data.SourceUpdatedAt >= since);
            var page = await records.OrderBy(c => c.Id).Take(Step).ToListAsync(ct);
            if (page.Count == 0) break;
            var passes = (await ChangeMatching.MatchAsync(session, [follow.Filter], page, ct))[0];
            found.AddRange(page.Where((_, i) => passes[i]));
            if (found.Count > limit) { more = true; break; }
            after = page[^1].Id;
            if (page.Count < Step) break;
        }
        var changes = await DossierChanges.DescribeAsync(session, found.Take(limit).ToList(), diff, ct);
        return new FollowChangeList(since, axis, changes, more);
    }
}
