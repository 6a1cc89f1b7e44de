using Archive.Content.Input;
using System.Text.Json;
using Archive.Api.Documents;
using Archive.Api.Documents.Recording;
using Archive.Api.Documents.Withdrawing;
using Archive.Api.Importing.Syncing.Gaps;
using Archive.Api.Originals;
using Archive.Content.OpenData;
using Archive.Content.Text;
using JasperFx.Events;
using Marten;

namespace Archive.Api.Importing.Syncing;

/// <summary>
/// One page's worth of work inside one session: what it keeps, joins, fetches and appends. An
/// entity sent again as it is kept changes nothing; one whose change cannot alter a revision (a
/// dossier's hoogsteVolgnummer, a case's status) updates only its own record; a document's file is
/// downloaded only when the document announces another file than the one captured, or its gap is due.
/// </summary>
sealed class PageWork(IDocumentSession session, OriginalStores originals, FeedSource source, DateTimeOffset now, SyncSettings settings, bool retrying)
{
    readonly Dictionary<Guid, TkEntity> _pending = [];
    readonly Dictionary<string, (IEventStream<Document> Stream, Document? State)> _streams = [];
    readonly Dictionary<string, SyncGap?> _gaps = [];
    readonly Dictionary<(Type, Guid), TkEntity?> _loaded = [];
    readonly Dictionary<Guid, CapturedFile?> _captured = [];
    readonly Dictionary<Guid, RememberedTombstone?> _tombstones = [];
    readonly Dictionary<Guid, Fetched> _fetched = [];
    int _created, _revised, _unchanged, _withdrawn, _remembered, _opened, _closed, _resent, _downloads;

    public DateTimeOffset Now => now;

    public SyncProgress Progress(string category, string page, int entries) =>
        new(category, page, entries, _created, _revised, _unchanged, _withdrawn, _remembered, _opened, _closed, _resent, _downloads);

    public async Task ImportAsync(string category, string page, SyncFeedPage parsed, CancellationToken ct)
    {
        await CloseEntryGapsAsync(category, parsed, ct);
        foreach (var problem in parsed.Problems) await EntryGapAsync(category, page, problem, ct);
        var affected = new List<Guid>();
        var enclosures = new Dictionary<Guid, string>();
        foreach (var group in parsed.Entries.Select(e => e.Entity).OfType<TkEntity>().Where(e => e is not TkTombstone).GroupBy(e => e.GetType()))
            await PreloadAsync(group.Key, group.Select(e => e.Id), ct);
        foreach (var entry in parsed.Entries)
        {
            if (entry.Entity is TkTombstone { Kind: "document" } tombstone) { await WithdrawAsync(tombstone, ct); continue; }
            if (entry.Entity is null or TkTombstone) continue;
            var kept = await FindAsync(entry.Entity.Id, entry.Entity.GetType(), ct);
            if (kept is not null && kept.Updated.Instant > entry.Entity.Updated.Instant) continue;
            if (kept is not null && Same(kept, entry.Entity)) { _resent++; continue; }
            _pending[entry.Entity.Id] = entry.Entity;
            await KeepAsync(entry.Entity, ct);
            if (entry.Entity is TkDocument && entry.Enclosure is { } enclosure) enclosures[entry.Entity.Id] = enclosure;
            if (kept is null || EntityJoin.ChangesRevision(kept, entry.Entity)) affected.AddRange(await ConcernedDocumentsAsync(entry.Entity, ct));
        }
        await JoinAllAsync(affected.Distinct().ToList(), enclosures, ct);
    }

    /// <summary>Joins these documents one after another, what they look up loaded and the files they need fetched beforehand.</summary>
    public async Task JoinAllAsync(IReadOnlyList<Guid> documents, IReadOnlyDictionary<Guid, string> enclosures, CancellationToken ct)
    {
        await PreloadForJoinsAsync(documents, ct);
        await PrefetchAsync(documents, enclosures, ct);
        foreach (var id in documents) await JoinAsync(id, enclosures.GetValueOrDefault(id), ct);
    }

    /// <summary>What the joins of a page will ask for, a query per kind instead of one per document.</summary>
    async Task PreloadForJoinsAsync(IReadOnlyList<Guid> documents, CancellationToken ct)
    {
        await PreloadAsync(typeof(TkDocument), documents, ct);
        var found = documents.Select(id => _pending.GetValueOrDefault(id) ?? _loaded.GetValueOrDefault((typeof(TkDocument), id))).OfType<TkDocument>().ToList();
        foreach (var group in found.SelectMany(References).GroupBy(r => r.Item2))
            await PreloadAsync(group.Key, group.Select(r => r.Item1), ct);
        var ids = found.Select(d => d.Id).Where(id => !_captured.ContainsKey(id)).Distinct().ToArray();
        if (ids.Length == 0) return;
        var captured = (await session.LoadManyAsync<CapturedFile>(ct, ids)).ToDictionary(c => c.Id);
        var tombstones = (await session.LoadManyAsync<RememberedTombstone>(ct, ids)).ToDictionary(t => t.Id);
        var gaps = (await session.LoadManyAsync<SyncGap>(ct, ids.Select(SyncGap.TextId).ToArray())).ToDictionary(g => g.Id);
        foreach (var id in ids)
        {
            _captured[id] = captured.GetValueOrDefault(id);
            _tombstones[id] = tombstones.GetValueOrDefault(id);
            _gaps.TryAdd(SyncGap.TextId(id), gaps.GetValueOrDefault(SyncGap.TextId(id)));
        }
    }

    async Task PreloadAsync(Type type, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Where(id => !_loaded.ContainsKey((type, id))).Distinct().ToArray();
        if (wanted.Length == 0) return;
        IEnumerable<TkEntity> found =
            type == typeof(TkDocument) ? await session.LoadManyAsync<TkDocument>(ct, wanted)
            : type == typeof(TkDocumentVersion) ? await session.LoadManyAsync<TkDocumentVersion>(ct, wanted)
            : type == typeof(TkDossier) ? await session.LoadManyAsync<TkDossier>(ct, wanted)
            : type == typeof(TkCase) ? await session.LoadManyAsync<TkCase>(ct, wanted)
            : type == typeof(TkDocumentActor) ? await session.LoadManyAsync<TkDocumentActor>(ct, wanted)
            : [];
        foreach (var id in wanted) _loaded[(type, id)] = null;
        foreach (var entity in found) _loaded[(type, entity.Id)] = entity;
    }

    static bool Same(TkEntity kept, TkEntity sent) =>
        JsonSerializer.Serialize(kept, kept.GetType()) == JsonSerializer.Serialize(sent, sent.GetType());

    async Task KeepAsync(TkEntity entity, CancellationToken ct)
    {
        switch (entity)
        {
            case TkDocument d:
                session.Store(d);
                // The document is back after a tombstone the Archive remembered: forget it.
                if (await TombstoneAsync(d.Id, ct) is { } gone && gone.DeletedAt < d.Updated.Instant)
                {
                    session.Delete(gone);
                    _tombstones[d.Id] = null;
                }
                break;
            case TkDocumentVersion v: session.Store(v); break;
            case TkDossier k: session.Store(k); break;
            case TkCase c: session.Store(c); break;
            case TkDocumentActor a: session.Store(a); break;
        }
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

    /// <summary>Joins the document into a revision and records it, with its text or with the reason it has none.</summary>
    async Task JoinAsync(Guid documentId, string? enclosure, CancellationToken ct)
    {
        if (await FindAsync(documentId, typeof(TkDocument), ct) is not TkDocument document) return;
        var (joined, waiting) = await JoinOfAsync(document, ct);
        if (waiting.Count > 0) return;
        if (joined is null)
        {
            await OpenGapAsync(document, "revision", new GapProblem(GapReasons.NoNumber, $"the document entity {document.Id} has no documentNummer, so it cannot be recorded"), ct);
            return;
        }
        if (RevisionInput.Problem(joined.Metadata, joined.SourceVersion, joined.SourceUpdated.Instant) is { } invalid)
        {
            // Before any file is fetched: a revision that cannot be recorded needs no text.
            await OpenGapAsync(document, "revision", new GapProblem(GapReasons.InvalidValue, $"the document entity {document.Id} cannot be recorded: {invalid}"), ct);
            return;
        }

        var text = await TextAsync(document, joined, enclosure, ct);
        var command = new ImportRevision(joined.Metadata, joined.SourceVersion, joined.SourceUpdated.Instant, joined.SourceUpdated.Raw, text.Text, text.Provenance)
        {
            TextNotCaptured = text.Problem?.Detail, Original = text.Original, Reader = text.Reader,
        };
        var (stream, _) = await StreamAsync(command.Number, ct);
        var (decision, after) = await RevisionImporter.StageAsync(session, originals, stream, command, now, ct);
        _streams[command.Number] = (stream, after);
        Count(decision.Outcome);
        if (text.Problem is { } problem && text.Attempted) await OpenGapAsync(document, "text", problem, ct);
        else if (text.Problem is null) await CloseGapAsync(document.Id, "captured", decision.Revision, joined.SourceUpdated.Instant, ct);
        await FollowStatusAsync(document, command.Number, after, ct);
    }

    async Task<(JoinedRevision? Revision, IReadOnlyList<Guid> WaitingFor)> JoinOfAsync(TkDocument document, CancellationToken ct)
    {
        var found = new Dictionary<Guid, TkEntity>();
        foreach (var (id, type) in References(document))
            if (await FindAsync(id, type, ct) is { } entity) found[id] = entity;
        return EntityJoin.Revision(document, id => found.GetValueOrDefault(id));
    }

    async Task FollowStatusAsync(TkDocument document, string number, Document? after, CancellationToken ct)
    {
        if (await TombstoneAsync(document.Id, ct) is { } tombstone && tombstone.DeletedAt >= document.Updated.Instant)
            Stage(number, new ChangeStatus(number, true, tombstone.DeletedAt, "tk:verwijderd", Provenance(document.Id)));
        else if (after is { Withdrawn: true } && document.Updated.Instant > after.StatusSourceAt)
            Stage(number, new ChangeStatus(number, false, document.Updated.Instant, "published again", Provenance(document.Id)));
    }

    sealed record TextOutcome(string Text, Provenance Provenance, GapProblem? Problem, bool Attempted)
    {
        /// <summary>The file's bytes to keep as the revision's original; null when it was captured before or not kept.</summary>
        public ReadOnlyMemory<byte>? Original { get; init; }
        public string? Reader { get; init; }
    }

    /// <summary>The text of the file the document announces: as captured before when it announces the same file, else fetched and read.</summary>
    async Task<TextOutcome> TextAsync(TkDocument document, JoinedRevision joined, string? enclosure, CancellationToken ct)
    {
        var announced = FileAnnouncement.Of(document);
        if (await CapturedAsync(document.Id, ct) is { } captured && captured.Announced == announced
            && await DocumentText.LoadAsync(session, captured.ContentHash, ct) is { } kept)
            return new TextOutcome(kept, new Provenance("odp-syncfeed", captured.Location, document.Id.ToString(), captured.Sha256,
                captured.Bytes, captured.ServedType ?? document.ContentType, OdpSync.ImporterVersion), null, false) { Reader = captured.Reader };
        var noFile = new Provenance("odp-syncfeed", enclosure, document.Id.ToString(), null, null, document.ContentType, OdpSync.ImporterVersion);
        if (await WaitingGapAsync(document, announced, ct) is { } gap)
            return new TextOutcome("", noFile, new GapProblem(gap.Reason, gap.Detail), false);

        _downloads++;
        var (answer, text, reader, problem) = _fetched.Remove(document.Id, out var fetched) ? fetched : await FetchAndReadAsync(document, enclosure, ct);
        if (answer.Resource is not { } resource) return new TextOutcome("", noFile, answer.Problem, true);
        var provenance = new Provenance("odp-syncfeed", resource.Location, document.Id.ToString(), NormalisedText.Sha256(resource.Bytes),
            resource.Bytes.LongLength, resource.ContentType, OdpSync.ImporterVersion);
        ReadOnlyMemory<byte>? original = FileReading.Keeps(problem) ? resource.Bytes : null;
        if (problem is not null)
            return new TextOutcome("", provenance, original is null ? problem with { Detail = $"{problem.Detail}; {RevisionOriginal.RefusedUnread}" } : problem, true)
                { Original = original, Reader = reader };
        session.Store(_captured[document.Id] = new CapturedFile
        {
            Id = document.Id, Announced = announced, ContentHash = NormalisedText.Sha256(text!), Location = resource.Location,
            ServedType = resource.ContentType, Bytes = resource.Bytes.LongLength, Sha256 = provenance.SourceSha256!, CapturedAt = now, Reader = reader,
        });
        return new TextOutcome(text!, provenance, null, true) { Original = original, Reader = reader };
    }

    sealed record Fetched(ResourceAnswer Answer, string? Text, string? Reader, GapProblem? Problem);

    async Task<Fetched> FetchAndReadAsync(TkDocument document, string? enclosure, CancellationToken ct)
    {
        var answer = await source.ResourceAsync(document.Id, enclosure, settings.MaxFileBytes, ct);
        if (answer.Resource is not { } resource) return new Fetched(answer, null, null, null);
        var (text, reader, problem) = FileReading.Read(document, document.Number ?? document.Id.ToString(), resource);
        return new Fetched(answer, text, reader, problem);
    }

    /// <summary>
    /// Fetches and reads, a few at a time, the files the joins of a page will need: reading a file
    /// is most of a join's time, and the portal and the cores can do several at once, while the
    /// joins themselves stay one after another in the page's session.
    /// </summary>
    async Task PrefetchAsync(IReadOnlyList<Guid> documents, IReadOnlyDictionary<Guid, string> enclosures, CancellationToken ct)
    {
        var wanted = new List<TkDocument>();
        foreach (var id in documents)
            if (await FindAsync(id, typeof(TkDocument), ct) is TkDocument document && await WillDownloadAsync(document, ct)) wanted.Add(document);
        var results = new System.Collections.Concurrent.ConcurrentDictionary<Guid, Fetched>();
        await Parallel.ForEachAsync(wanted, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount), CancellationToken = ct },
            async (document, token) => results[document.Id] = await FetchAndReadAsync(document, enclosures.GetValueOrDefault(document.Id), token));
        foreach (var (id, fetched) in results) _fetched[id] = fetched;
    }

    /// <summary>Whether the join of this document will download its file: it joins, and neither the captured file nor a gap that is not due stands in.</summary>
    async Task<bool> WillDownloadAsync(TkDocument document, CancellationToken ct)
    {
        if ((await JoinOfAsync(document, ct)).Revision is null) return false;
        var announced = FileAnnouncement.Of(document);
        if ((await CapturedAsync(document.Id, ct))?.Announced == announced) return false;
        return await WaitingGapAsync(document, announced, ct) is null;
    }

    /// <summary>The open gap of this document's text while it is not due and the document still announces the same file: no download until then.</summary>
    async Task<SyncGap?> WaitingGapAsync(TkDocument document, FileAnnouncement announced, CancellationToken ct) =>
        await GapAsync(SyncGap.TextId(document.Id), ct) is { Open: true, Missing: "text" } gap && gap.Announced == announced && !retrying && gap.NextAttemptAt > now
            ? gap : null;

    async Task<CapturedFile?> CapturedAsync(Guid id, CancellationToken ct)
    {
        if (!_captured.TryGetValue(id, out var captured)) _captured[id] = captured = await session.LoadAsync<CapturedFile>(id, ct);
        return captured;
    }

    async Task<RememberedTombstone?> TombstoneAsync(Guid id, CancellationToken ct)
    {
        if (!_tombstones.TryGetValue(id, out var tombstone)) _tombstones[id] = tombstone = await session.LoadAsync<RememberedTombstone>(id, ct);
        return tombstone;
    }

    async Task<SyncGap?> GapAsync(string id, CancellationToken ct)
    {
        if (!_gaps.TryGetValue(id, out var gap)) _gaps[id] = gap = await session.LoadAsync<SyncGap>(id, ct);
        return gap;
    }

    async Task OpenGapAsync(TkDocument document, string missing, GapProblem problem, CancellationToken ct)
    {
        var id = SyncGap.TextId(document.Id);
        var existing = await GapAsync(id, ct);
        var announced = FileAnnouncement.Of(document);
        if (existing is not null && existing.Announced != announced) existing.Attempts = 0;
        if (existing is not { Open: true }) _opened++;
        var gap = GapBackoff.Record(existing, id, "Document", problem, now, TimeSpan.FromMinutes(settings.GapRetryMinutes));
        (gap.EntityId, gap.DocumentNumber, gap.Missing, gap.Announced) = (document.Id, document.Number, missing, announced);
        _gaps[id] = gap;
        session.Store(gap);
    }

    async Task CloseGapAsync(Guid entity, string how, int? revision, DateTimeOffset? sourceAt, CancellationToken ct)
    {
        if (await GapAsync(SyncGap.TextId(entity), ct) is not { Open: true } gap) return;
        gap.Close(how, now, revision, sourceAt);
        session.Store(gap);
        _closed++;
    }

    /// <summary>An entry of a sound page that could not be read: listed, and closed when the entity arrives readable.</summary>
    async Task EntryGapAsync(string category, string page, SyncFeedProblem problem, CancellationToken ct)
    {
        var id = Guid.TryParse(problem.Id, out var entity) ? $"{category}/{entity}" : $"{category}/{page}#{problem.Entry}";
        var existing = await GapAsync(id, ct);
        if (existing is not { Open: true }) _opened++;
        var gap = GapBackoff.Record(existing, id, category, new GapProblem(GapReasons.UnreadableEntry, $"{category} page {page}, entry {problem.Entry}: {problem.What}", page), now, TimeSpan.FromDays(1));
        (gap.EntityId, gap.Missing, gap.NextAttemptAt) = (Guid.TryParse(problem.Id, out var g) ? g : null, "entity", null);
        session.Store(gap);
    }

    async Task CloseEntryGapsAsync(string category, SyncFeedPage parsed, CancellationToken ct)
    {
        var open = await session.Query<SyncGap>().Where(g => g.Open && g.Missing == "entity" && g.Category == category).ToListAsync(ct);
        var arrived = parsed.Entries.Select(e => e.Id).ToHashSet();
        foreach (var gap in open.Where(g => g.EntityId is { } id && arrived.Contains(id)))
        {
            gap.Close("captured", now);
            session.Store(gap);
            _closed++;
        }
    }

    async Task WithdrawAsync(TkTombstone tombstone, CancellationToken ct)
    {
        await CloseGapAsync(tombstone.Id, "withdrawn", null, tombstone.Updated.Instant, ct);
        var known = await FindAsync(tombstone.Id, typeof(TkDocument), ct) as TkDocument;
        if (known?.Number is { } number && await session.Events.FetchStreamStateAsync(number, ct) is not null)
        {
            await StreamAsync(number, ct);
            Stage(number, new ChangeStatus(number, true, tombstone.Updated.Instant, "tk:verwijderd", Provenance(tombstone.Id)));
            return;
        }
        if (await TombstoneAsync(tombstone.Id, ct) is { } remembered && remembered.DeletedAt >= tombstone.Updated.Instant) return;
        session.Store(_tombstones[tombstone.Id] = new RememberedTombstone { Id = tombstone.Id, DeletedAt = tombstone.Updated.Instant, DeletedAtRaw = tombstone.Updated.Raw });
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

    async Task<TkEntity?> FindAsync(Guid id, Type type, CancellationToken ct)
    {
        if (_pending.TryGetValue(id, out var entity) && entity.GetType() == type) return entity;
        await PreloadAsync(type, [id], ct);
        return _loaded.GetValueOrDefault((type, id));
    }

    static IEnumerable<(Guid, Type)> References(TkDocument d) =>
        new[] { (d.CurrentVersion, typeof(TkDocumentVersion)), (d.Dossier, typeof(TkDossier)) }
            .Where(r => r.Item1 is not null).Select(r => (r.Item1!.Value, r.Item2))
            .Concat(d.Cases.Select(c => (c, typeof(TkCase))));

    static Provenance Provenance(Guid id) => new("odp-syncfeed", null, id.ToString(), null, null, null, OdpSync.ImporterVersion);

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
