using Archive.Api.Infrastructure;
using Archive.Api.Documents.TimeTravel;
using Archive.Api.Search;
using Archive.Content.Search;
using Marten;
using Npgsql;

namespace Archive.Api.ChangeFeed;

/// <summary>
/// Which changes pass which filters, for webhook subscriptions and follows. A filter on document,
/// dossier or kind reads the change record, as the pull feeds do. A zaak, a search query, and the
/// kind of a withdrawal or restoration (whose record names no kind) read the document: the revision
/// the change brought, or for a withdrawal or restoration the document's latest revision. A new
/// version matches a search when it or the version before it does, so that a follower also hears
/// that the words were taken out. The search query is the search's own (its words, phrases, 'or'
/// and left-out words, its document and dossier numbers) and is tested with the search's own SQL,
/// against only the few revisions the changes name.
/// </summary>
public static class ChangeMatching
{
    /// <summary>
    /// For each filter, for each change (same order), whether it passes. The words of every search
    /// query are checked in one query for the page, however many filters there are: each group and
    /// each left-out item once per revision the changes name.
    /// </summary>
    public static async Task<bool[][]> MatchAsync(IQuerySession session, IReadOnlyList<ChangeFilter> filters, IReadOnlyList<ChangeRecord> changes, CancellationToken ct)
    {
        var result = filters.Select(_ => new bool[changes.Count]).ToArray();
        if (changes.Count == 0 || filters.Count == 0) return result;
        var revisions = filters.Any(f => f.NeedsDocument) ? await RevisionsAsync(session, changes, ct) : [];
        var queries = filters.Select(f => f.Q is null ? null : SearchQuery.Parse(f.Q)).ToArray();
        for (var f = 0; f < filters.Count; f++)
            for (var c = 0; c < changes.Count; c++)
                result[f][c] = Passes(filters[f], changes[c], revisions.GetValueOrDefault(changes[c].Id));
        if (queries.All(q => q is null)) return result;

        var ids = Enumerable.Range(0, changes.Count)
            .Where(c => Enumerable.Range(0, filters.Count).Any(f => queries[f]?.AnyOf is not null && result[f][c]))
            .SelectMany(c => Ids(changes[c], revisions.GetValueOrDefault(changes[c].Id))).Distinct().ToArray();
        var terms = queries.OfType<SearchQuery>().SelectMany(q => q.Required.Concat(q.Excluded)).Distinct().ToList();
        var holds = await TermsAsync(session, terms, ids, ct);
        for (var f = 0; f < filters.Count; f++)
        {
            if (queries[f] is not { } query) continue;
            // The numbers in the query find their documents exactly; its words, the texts. A change passes on either, as a search hit does.
            bool ByWords(string id) => query.AnyOf is not null
                && query.Required.All(t => holds.Contains((t, id))) && !query.Excluded.Any(t => holds.Contains((t, id)));
            for (var c = 0; c < changes.Count; c++)
                result[f][c] = result[f][c] && (ByNumber(query, changes[c]) || Ids(changes[c], revisions.GetValueOrDefault(changes[c].Id)).Any(ByWords));
        }
        return result;
    }

    /// <summary>
    /// A filter selects versions of documents: a reread (a newer reading of a version the subscriber was
    /// told of) passes none; a subscriber of every change gets it, to re-index.
    /// </summary>
    static bool Passes(ChangeFilter filter, ChangeRecord change, RevisionRecord? revision) =>
        (filter.IsEmpty || change.Type != ChangeRecords.RereadType) &&
        (filter.Document is null || filter.Document == change.Subject) &&
        (filter.Dossier is null || filter.Dossier == change.Dossier) &&
        (filter.Kind is null || filter.Kind == (change.Kind ?? revision?.Kind)) &&
        (filter.Zaak is null || revision?.Metadata.CaseNumbers.Contains(filter.Zaak, StringComparer.OrdinalIgnoreCase) == true);

    static bool ByNumber(SearchQuery query, ChangeRecord change) =>
        query.Numbers.Any(n => n.Kind == NumberKind.Document
            ? n.Number == change.Subject
            : n.Number == change.Dossier && (n.SequenceNumber is null || n.SequenceNumber == change.Data.Volgnummer));

    /// <summary>The revisions whose text decides a search: the one a change brought and the one before it, or the document's latest.</summary>
    static IEnumerable<string> Ids(ChangeRecord change, RevisionRecord? revision)
    {
        if (revision is null) yield break;
        yield return revision.Id;
        if (change.Data.Revision is > 1 and var n) yield return RevisionRecord.IdOf(change.Subject, n - 1);
    }

    /// <summary>Per change, its revision record: the revision it brought, or the document's latest for a withdrawal or restoration.</summary>
    static async Task<Dictionary<long, RevisionRecord>> RevisionsAsync(IQuerySession session, IReadOnlyList<ChangeRecord> changes, CancellationToken ct)
    {
        var statusDocuments = changes.Where(c => c.Data.Revision is null).Select(c => c.Subject).Distinct().ToArray();
        var latest = new Dictionary<string, string>();
        if (statusDocuments.Length > 0)
        {
            var rows = await session.Query<RevisionRecord>().Where(r => r.DocumentNumber.IsOneOf(statusDocuments))
                .Select(r => new { r.DocumentNumber, r.Revision }).ToListAsync(ct);
            foreach (var document in rows.GroupBy(r => r.DocumentNumber)) latest[document.Key] = RevisionRecord.IdOf(document.Key, document.Max(r => r.Revision));
        }
        var ids = changes.Select(c => c.Data.Revision is { } n ? RevisionRecord.IdOf(c.Subject, n) : latest.GetValueOrDefault(c.Subject)).ToArray();
        var records = (await session.LoadManyAsync<RevisionRecord>(ct, ids.OfType<string>().Distinct().ToArray())).ToDictionary(r => r.Id);
        var byChange = new Dictionary<long, RevisionRecord>();
        for (var i = 0; i < changes.Count; i++)
            if (ids[i] is { } id && records.TryGetValue(id, out var record)) byChange[changes[i].Id] = record;
        return byChange;
    }

    /// <summary>Which terms each revision holds, as (term, revision id).</summary>
    static async Task<HashSet<(string Term, string Id)>> TermsAsync(IQuerySession session, List<string> terms, string[] ids, CancellationToken ct)
    {
        var found = new HashSet<(string, string)>();
        if (ids.Length == 0 || terms.Count == 0) return found;
        await TextSlice.EnsureTableAsync(session.DocumentStore, ct);
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await ConnectionDefaults.PlanForTheValuesAsync(connection, ct);
        await using var command = new NpgsqlCommand(SearchSql.TermsAmong(), connection) { Parameters = { new("terms", terms.ToArray()), new("ids", ids) } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add((terms[reader.GetInt32(0) - 1], reader.GetString(1)));
        return found;
    }
}
