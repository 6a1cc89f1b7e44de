using Archive.Api.Documents;
using Archive.Api.Documents.Importing;
using Archive.Api.Documents.Withdrawing;
using Archive.Api.Infrastructure;
using Archive.Content.OpenData;
using Archive.Content.OpenTk;
using Archive.Content.Text;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;

namespace Archive.Api.Syncing;

public sealed record SyncProgress(string Category, string Page, int Entries, int Created, int Revised, int Unchanged, int Withdrawn, int Remembered);

public sealed record SyncReport(IReadOnlyList<SyncProgress> Pages, string? Problem)
{
    public bool Succeeded => Problem is null;
    public int Sum(Func<SyncProgress, int> f) => Pages.Sum(f);
}

/// <summary>
/// Syncs the Open Data Portal: for each category, page after page from its checkpoint, until a
/// page has no entries. The entities of a page are kept (tkData documents, versions, dossiers,
/// cases), every document they concern is joined into a revision where it can be, its newest file
/// fetched and read, and the revisions, withdrawals and the category's checkpoint are committed
/// in one transaction per page. A page that cannot be imported whole stops the sync there, says
/// what and where, and leaves the checkpoint before it. Running a page twice changes nothing.
/// </summary>
public sealed class OdpSync(IDocumentStore store, TimeProvider clock, IOptions<ArchiveOptions> options)
{
    public const string ImporterVersion = "archive-odp-sync/1";

    public async Task<SyncReport> RunAsync(FeedSource source, Action<SyncProgress>? progress, CancellationToken ct)
    {
        var pages = new List<SyncProgress>();
        foreach (var category in FeedSource.Categories)
            while (true)
            {
                var (page, problem) = await NextPageAsync(source, category, ct);
                if (problem is not null) return new SyncReport(pages, problem);
                if (page is null) break;
                pages.Add(page);
                progress?.Invoke(page);
            }
        return new SyncReport(pages, null);
    }

    async Task<(SyncProgress? Page, string? Problem)> NextPageAsync(FeedSource source, string category, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var checkpoint = await session.LoadAsync<SyncCheckpoint>(category, ct);
        var resume = checkpoint?.Source == source.Name ? checkpoint.Location : null;
        FeedPage? feedPage;
        try
        {
            feedPage = await source.PageAsync(category, resume, ct);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (null, $"{category}: the page after {resume ?? "the start"} could not be fetched from {source.Name}: {e.Message}");
        }
        if (feedPage is null) return (null, null);
        var parsed = SyncFeedParser.Parse(new MemoryStream(feedPage.Xml));
        if (parsed.Value is not { } page) return (null, $"{category} page {feedPage.Location}: {parsed.Error}");
        if (page.Problems.Count > 0)
            return (null, $"{category} page {feedPage.Location}, entry {page.Problems[0].Entry} ({page.Problems[0].Id}): {page.Problems[0].What}; nothing of this page was imported");
        if (page.IsEmpty) return (null, null);

        var work = new PageWork(session, source, clock.Now(), options.Value.Sync.MaxFileBytes);
        var problem = await work.ImportAsync(page, ct);
        if (problem is not null) return (null, $"{category} page {feedPage.Location}: {problem}; nothing of this page was imported");
        session.Store(new SyncCheckpoint
        {
            Id = category, Source = source.Name, Location = source.CheckpointAfter(feedPage, page),
            Entries = (checkpoint?.Entries ?? 0) + page.Entries.Count, UpdatedAt = work.Now,
        });
        await session.SaveChangesAsync(ct);
        return (work.Progress(category, feedPage.Location, page.Entries.Count), null);
    }

    /// <summary>One page's worth of work inside one session: what it stores, joins, fetches and appends.</summary>
    sealed class PageWork(IDocumentSession session, FeedSource source, DateTimeOffset now, long maxFileBytes)
    {
        readonly Dictionary<Guid, TkEntity> _pending = [];
        readonly Dictionary<string, (IEventStream<Document> Stream, Document? State)> _streams = [];
        int _created, _revised, _unchanged, _withdrawn, _remembered;

        public DateTimeOffset Now => now;

        public SyncProgress Progress(string category, string page, int entries) =>
            new(category, page, entries, _created, _revised, _unchanged, _withdrawn, _remembered);

        public async Task<string?> ImportAsync(SyncFeedPage page, CancellationToken ct)
        {
            var affected = new List<Guid>();
            var enclosures = new Dictionary<Guid, string>();
            foreach (var entry in page.Entries)
            {
                if (entry.Entity is TkTombstone { Kind: "document" } tombstone) { await WithdrawAsync(tombstone, ct); continue; }
                if (entry.Entity is null or TkTombstone) continue;
                if (await IsOlderThanKept(entry.Entity, ct)) continue;
                _pending[entry.Entity.Id] = entry.Entity;
                await KeepAsync(entry.Entity, ct);
                if (entry.Entity is TkDocument && entry.Enclosure is { } enclosure) enclosures[entry.Entity.Id] = enclosure;
                affected.AddRange(await ConcernedDocumentsAsync(entry.Entity, ct));
            }
            foreach (var id in affected.Distinct())
                if (await JoinAsync(id, enclosures.GetValueOrDefault(id), ct) is { } problem) return problem;
            return null;
        }

        async Task KeepAsync(TkEntity entity, CancellationToken ct)
        {
            switch (entity)
            {
                case TkDocument d:
                    session.Store(d);
                    // The document is back after a tombstone the Archive remembered: forget it.
                    if (await session.LoadAsync<RememberedTombstone>(d.Id, ct) is { } gone && gone.DeletedAt < d.Updated.Instant)
                        session.Delete(gone);
                    break;
                case TkDocumentVersion v: session.Store(v); break;
                case TkDossier k: session.Store(k); break;
                case TkCase c: session.Store(c); break;
                case TkDocumentActor a: session.Store(a); break;
            }
        }

        async Task<bool> IsOlderThanKept(TkEntity entity, CancellationToken ct)
        {
            var kept = await FindAsync(entity.Id, entity.GetType(), ct);
            return kept is not null && kept.Updated.Instant > entity.Updated.Instant;
        }

        async Task<IEnumerable<Guid>> ConcernedDocumentsAsync(TkEntity entity, CancellationToken ct)
        {
            var stored = entity switch
            {
                TkDocument d => [d.Id],
                TkDocumentVersion v => await session.Query<TkDocument>().Where(d => d.CurrentVersion == v.Id).Select(d => d.Id).ToListAsync(ct),
                TkDossier k => await session.Query<TkDocument>().Where(d => d.Dossier == k.Id).Select(d => d.Id).ToListAsync(ct),
                TkCase c => await session.Query<TkDocument>().Where(d => d.Cases.Contains(c.Id)).Select(d => d.Id).ToListAsync(ct),
                _ => (IReadOnlyList<Guid>)[],
            };
            var pending = _pending.Values.OfType<TkDocument>().Where(d => EntityJoin.Concerns(d, entity)).Select(d => d.Id);
            return stored.Concat(pending);
        }

        async Task<string?> JoinAsync(Guid documentId, string? enclosure, CancellationToken ct)
        {
            if (await FindAsync(documentId, typeof(TkDocument), ct) is not TkDocument document) return null;
            var found = new Dictionary<Guid, TkEntity>();
            foreach (var (id, type) in References(document))
                if (await FindAsync(id, type, ct) is { } entity) found[id] = entity;
            var (joined, _) = EntityJoin.Revision(document, id => found.GetValueOrDefault(id));
            if (joined is null) return null;

            var resource = await source.ResourceAsync(document.Id, enclosure, ct);
            if (resource is null) return $"document {joined.Metadata.Number} ({document.Id}) has no file at the source";
            var (text, problem) = Read(document, joined, resource);
            if (problem is not null) return problem;

            var provenance = new Provenance("odp-syncfeed", resource.Location, document.Id.ToString(), NormalisedText.Sha256(resource.Bytes),
                resource.Bytes.LongLength, resource.ContentType, ImporterVersion);
            var command = new ImportRevision(joined.Metadata, joined.SourceVersion, joined.SourceUpdated.Instant, joined.SourceUpdated.Raw, text!, provenance);
            var (stream, state) = await StreamAsync(command.Number, ct);
            var (decision, after) = await RevisionImporter.StageAsync(session, stream, command, now, ct);
            _streams[command.Number] = (stream, after);
            Count(decision.Outcome);
            if (await session.LoadAsync<RememberedTombstone>(document.Id, ct) is { } tombstone && tombstone.DeletedAt >= document.Updated.Instant)
                Stage(command.Number, new ChangeStatus(command.Number, true, tombstone.DeletedAt, "tk:verwijderd", Provenance(document.Id)));
            else if (after is { Withdrawn: true } && document.Updated.Instant > after.StatusSourceAt)
                Stage(command.Number, new ChangeStatus(command.Number, false, document.Updated.Instant, "published again", Provenance(document.Id)));
            return null;
        }

        (string? Text, string? Problem) Read(TkDocument document, JoinedRevision joined, Resource resource)
        {
            var name = $"the file of document {joined.Metadata.Number} ({resource.Location})";
            if (resource.Bytes.LongLength > maxFileBytes) return (null, $"{name} is {resource.Bytes.LongLength:N0} bytes, over the limit of {maxFileBytes:N0}");
            if (document.ContentLength is { } length && length != resource.Bytes.LongLength)
                return (null, $"{name} is {resource.Bytes.LongLength:N0} bytes, but tk:contentLength announced {length:N0}");
            if (document.ContentType is { } announced && resource.ContentType is { } served && !string.Equals(announced, served, StringComparison.OrdinalIgnoreCase))
                return (null, $"{name} is served as {served}, but tk:contentType announced {announced}");
            var type = document.ContentType ?? resource.ContentType ?? "";
            var result = type.Contains("pdf", StringComparison.OrdinalIgnoreCase)
                ? PdfText.Extract(new MemoryStream(resource.Bytes))
                : type.Contains("wordprocessingml", StringComparison.OrdinalIgnoreCase)
                    ? DocxText.Extract(new MemoryStream(resource.Bytes))
                    : ParseResult<string>.Fail($"its type '{type}' is neither .docx nor .pdf");
            return result.Value is { } text ? (text, null) : (null, $"{name}: {result.Error}");
        }

        async Task WithdrawAsync(TkTombstone tombstone, CancellationToken ct)
        {
            var known = await FindAsync(tombstone.Id, typeof(TkDocument), ct) as TkDocument;
            if (known?.Number is { } number && await session.Events.FetchStreamStateAsync(number, ct) is not null)
            {
                await StreamAsync(number, ct);
                Stage(number, new ChangeStatus(number, true, tombstone.Updated.Instant, "tk:verwijderd", Provenance(tombstone.Id)));
                return;
            }
            session.Store(new RememberedTombstone { Id = tombstone.Id, DeletedAt = tombstone.Updated.Instant, DeletedAtRaw = tombstone.Updated.Raw });
            _remembered++;
        }

        void Stage(string number, ChangeStatus command)
        {
            var (stream, state) = _streams[number];
            var (outcome, events) = ChangeStatusDecision.Decide(state, command, now);
            if (events.Length == 0) return;
            stream.AppendMany(events);
            var copy = state!.Copy();
            foreach (var e in events) copy.Replay(e);
            _streams[number] = (stream, copy);
            if (outcome == StatusOutcome.Withdrawn) _withdrawn++;
        }

        async Task<(IEventStream<Document>, Document?)> StreamAsync(string number, CancellationToken ct)
        {
            if (!_streams.TryGetValue(number, out var tracked))
            {
                var stream = await session.Events.FetchForWriting<Document>(number, ct);
                _streams[number] = tracked = (stream, stream.Aggregate);
            }
            return tracked;
        }

        async Task<TkEntity?> FindAsync(Guid id, Type type, CancellationToken ct) =>
            _pending.TryGetValue(id, out var entity) && entity.GetType() == type ? entity
            : type == typeof(TkDocument) ? await session.LoadAsync<TkDocument>(id, ct)
            : type == typeof(TkDocumentVersion) ? await session.LoadAsync<TkDocumentVersion>(id, ct)
            : type == typeof(TkDossier) ? await session.LoadAsync<TkDossier>(id, ct)
            : type == typeof(TkCase) ? await session.LoadAsync<TkCase>(id, ct)
            : type == typeof(TkDocumentActor) ? await session.LoadAsync<TkDocumentActor>(id, ct)
            : null;

        static IEnumerable<(Guid, Type)> References(TkDocument d) =>
            new[] { (d.CurrentVersion, typeof(TkDocumentVersion)), (d.Dossier, typeof(TkDossier)) }
                .Where(r => r.Item1 is not null).Select(r => (r.Item1!.Value, r.Item2))
                .Concat(d.Cases.Select(c => (c, typeof(TkCase))));

        static Provenance Provenance(Guid id) => new("odp-syncfeed", null, id.ToString(), null, null, null, ImporterVersion);

        void Count(ImportOutcome outcome)
        {
            switch (outcome)
            {
                case ImportOutcome.Created: _created++; break;
                case ImportOutcome.Revised: _revised++; break;
                case ImportOutcome.Unchanged: _unchanged++; break;
            }
        }
    }
}
