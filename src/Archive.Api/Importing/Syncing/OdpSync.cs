using Archive.Api.Infrastructure;
using Archive.Api.Importing.Syncing.Gaps;
using Archive.Api.Originals;
using Archive.Content.OpenData;
using Marten;
using Microsoft.Extensions.Options;

namespace Archive.Api.Importing.Syncing;

public sealed record SyncProgress(string Category, string Page, int Entries, int Created, int Revised, int Unchanged, int Withdrawn, int Remembered,
    int GapsOpened = 0, int GapsClosed = 0, int Resent = 0, int Downloads = 0, long Milliseconds = 0)
{
    public static SyncProgress Add(SyncProgress a, SyncProgress b) => a with
    {
        Entries = a.Entries + b.Entries, Created = a.Created + b.Created, Revised = a.Revised + b.Revised, Unchanged = a.Unchanged + b.Unchanged,
        Withdrawn = a.Withdrawn + b.Withdrawn, Remembered = a.Remembered + b.Remembered, GapsOpened = a.GapsOpened + b.GapsOpened,
        GapsClosed = a.GapsClosed + b.GapsClosed, Resent = a.Resent + b.Resent, Downloads = a.Downloads + b.Downloads,
        Milliseconds = a.Milliseconds + b.Milliseconds,
    };
}

/// <summary>A category that stopped: the page after <see cref="After"/> could not be fetched or parsed at all.</summary>
public sealed record StuckCategory(string Category, string? After, string Problem);

public sealed record SyncReport(IReadOnlyList<SyncProgress> Pages, IReadOnlyList<StuckCategory> Stuck, SyncProgress? Retries = null)
{
    public bool Succeeded => Stuck.Count == 0;
    public string? Problem => Stuck.Count == 0 ? null : string.Join("; ", Stuck.Select(s => s.Problem));
    public int Sum(Func<SyncProgress, int> f) => Pages.Sum(f) + (Retries is null ? 0 : f(Retries));
}

/// <summary>
/// Syncs the Open Data Portal: for each category, page after page from its checkpoint, until a
/// page has no entries; then the gaps whose next attempt is due. The entities of a page are kept,
/// every document whose revision they change is joined into one (<see cref="PageWork"/>), and the
/// revisions, withdrawals, gaps and the category's checkpoint are committed in one transaction per
/// page. What one entity lacks (its file, a readable entry) goes into the gap ledger and never
/// stops the sync; only a page that cannot be fetched or parsed at all stops its own category,
/// with the checkpoint before it, and the other categories go on. Running a page twice changes nothing.
/// </summary>
public sealed class OdpSync(IDocumentStore store, OriginalStores originals, TimeProvider clock, IOptions<ArchiveOptions> options)
{
    public const string ImporterVersion = "archive-odp-sync/2";

    /// <summary>At most this many gaps are tried again in one run, the longest-waiting first.</summary>
    public const int RetriesPerRun = 1000;

    public async Task<SyncReport> RunAsync(FeedSource source, Action<SyncProgress>? progress, CancellationToken ct)
    {
        var (pages, stuck) = (new List<SyncProgress>(), new List<StuckCategory>());
        foreach (var category in FeedSource.Categories)
            while (true)
            {
                var (page, problem) = await NextPageAsync(source, category, ct);
                if (problem is not null) { stuck.Add(await MarkStuckAsync(category, source, problem, ct)); break; }
                if (page is null) break;
                pages.Add(page);
                progress?.Invoke(page);
            }
        var retries = await RetryGapsAsync(source, ct);
        if (retries is not null) progress?.Invoke(retries);
        return new SyncReport(pages, stuck, retries);
    }

    PageWork Work(IDocumentSession session, FeedSource source, bool retrying) =>
        new(session, originals, source, clock.Now(), options.Value.Sync, retrying);

    async Task<(SyncProgress? Page, string? Problem)> NextPageAsync(FeedSource source, string category, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var session = store.LightweightSession();
        var checkpoint = await session.LoadAsync<SyncCheckpoint>(category, ct);
        var resume = checkpoint is { Location.Length: > 0 } && checkpoint.Source == source.Name ? checkpoint.Location : null;
        FeedPage? feedPage;
        try
        {
            feedPage = await source.PageAsync(category, resume, ct);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or Polly.ExecutionRejectedException && !ct.IsCancellationRequested)
        {
            return (null, $"{category}: the page after {resume ?? "the start"} could not be fetched from {source.Name}: {e.Message}");
        }
        if (feedPage is null) return (null, null);
        var parsed = SyncFeedParser.Parse(new MemoryStream(feedPage.Xml));
        if (parsed.Value is not { } page) return (null, $"{category} page {feedPage.Location}: {parsed.Error}");
        if (page.IsEmpty) return (null, null);
        if (source.CheckpointProblem(page) is { } refused) return (null, $"{category} page {feedPage.Location}: {refused}");

        var work = Work(session, source, retrying: false);
        await work.ImportAsync(category, feedPage.Location, page, ct);
        session.Store(new SyncCheckpoint
        {
            Id = category, Source = source.Name, Location = source.CheckpointAfter(feedPage, page),
            Entries = (checkpoint?.Entries ?? 0) + page.Entries.Count + page.Problems.Count, UpdatedAt = work.Now,
            LastEntryAt = page.Entries.Select(e => (DateTimeOffset?)e.Updated.Instant).Append(checkpoint?.LastEntryAt).Max(),
        });
        await session.SaveChangesAsync(ct);
        return (work.Progress(category, feedPage.Location, page.Entries.Count + page.Problems.Count) with { Milliseconds = started.ElapsedMilliseconds }, null);
    }

    /// <summary>Says on the category's checkpoint why it stopped, leaving where it resumes as it was.</summary>
    async Task<StuckCategory> MarkStuckAsync(string category, FeedSource source, string problem, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var checkpoint = await session.LoadAsync<SyncCheckpoint>(category, ct) ?? new SyncCheckpoint { Id = category, Source = source.Name };
        (checkpoint.Problem, checkpoint.ProblemAt) = (problem, clock.Now());
        session.Store(checkpoint);
        await session.SaveChangesAsync(ct);
        return new StuckCategory(category, checkpoint.Source == source.Name && checkpoint.Location.Length > 0 ? checkpoint.Location : null, problem);
    }

    /// <summary>Tries the due gaps of texts again, each once per run, a hundred to a transaction.</summary>
    async Task<SyncProgress?> RetryGapsAsync(FeedSource source, CancellationToken ct)
    {
        var now = clock.Now();
        IReadOnlyList<SyncGap> due;
        await using (var query = store.QuerySession())
            due = await query.Query<SyncGap>()
                .Where(g => g.Open && g.Missing == "text" && g.NextAttemptAt <= now)
                .OrderBy(g => g.NextAttemptAt).Take(RetriesPerRun).ToListAsync(ct);
        if (due.Count == 0) return null;
        var totals = new List<SyncProgress>();
        foreach (var chunk in due.Chunk(100))
        {
            await using var session = store.LightweightSession();
            var work = Work(session, source, retrying: true);
            var gaps = chunk.Where(g => g.EntityId is not null).ToList();
            await work.JoinAllAsync(gaps.Select(g => g.EntityId!.Value).ToList(),
                gaps.Where(g => g.Location is not null).ToDictionary(g => g.EntityId!.Value, g => g.Location!), ct);
            await session.SaveChangesAsync(ct);
            totals.Add(work.Progress("gaps", "due", chunk.Length));
        }
        return totals.Aggregate(SyncProgress.Add);
    }
}
