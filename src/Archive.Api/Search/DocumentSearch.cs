using Archive.Api.Infrastructure;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using System.Text.RegularExpressions;
using Archive.Api.Documents.TimeTravel;
using Archive.Api.Dossiers;
using Archive.Content.Documents;
using Archive.Content.Search;
using Marten;
using Npgsql;

namespace Archive.Api.Search;

/// <param name="At">The moment the documents are searched as they stood; <see cref="DateTimeOffset.MaxValue"/> for now.</param>
public sealed record SearchRequest(SearchQuery Query, string? Kind, string? Dossier, DateOnly? From, DateOnly? To, DateTimeOffset At, Axis Axis, int Limit, int Offset);

/// <param name="Snippet">Where the words were found, as plain text.</param>
/// <param name="SnippetHtml">The same, HTML-escaped, with the words found in &lt;mark&gt;.</param>
public sealed record SearchHit(
    string Number, int Revision, string? Kind, string? Title, string? Subject, DateOnly? Date, string? Dossier, int? Volgnummer,
    double Rank, bool Exact, string Snippet, string SnippetHtml);

public sealed record DossierHit(string Number, string? Title, int Documents);

/// <param name="More">More match than were counted: <see cref="Total"/> is then the cap (<see cref="SearchSettings.CountCap"/>) or, when <see cref="Estimated"/>, PostgreSQL's estimate.</param>
/// <param name="Ranked">Ranked by relevance; otherwise (too many to rank, <see cref="SearchSettings.RankCap"/>) the newest first.</param>
/// <param name="Estimated"><see cref="Total"/> is an estimate from PostgreSQL's statistics, not a count: for words in more documents than the cap.</param>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits, IReadOnlyList<DossierHit> Dossiers, bool More = false, bool Ranked = true, bool Estimated = false);

/// <summary>
/// Full-text search over the revision of each document that stands at T (now, or as of a date):
/// matching text slices and titles are found through their GIN indexes first, then only those
/// revisions are checked for being the standing one, so the cost follows the number of matches.
/// Document and dossier numbers are looked up exactly and come first.
/// </summary>
public static class DocumentSearch
{
    public static async Task<SearchResults> RunAsync(IDocumentStore store, IQuerySession session, SearchRequest request, SearchSettings settings, CancellationToken ct)
    {
        var (exact, dossiers) = await ExactAsync(session, request, ct);
        if (request.Query.AnyOf is not { } tsQuery)
            return new SearchResults(exact.Count, exact.Skip(request.Offset).Take(request.Limit).ToList(), dossiers);

        // The SQL below reads these tables directly: in development they are created on first use.
        await TextSlice.EnsureTableAsync(store, ct);
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(RevisionRecord), ct);
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(StatusRecord), ct);
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await ConnectionDefaults.PlanForTheValuesAsync(connection, ct);
        var (matches, total, more, ranked, estimated) = await MatchesAsync(connection, tsQuery, request, exact.Select(e => e.Number).ToHashSet(), settings, ct);
        var records = (await session.LoadManyAsync<RevisionRecord>(ct, matches.Select(m => m.Id).ToArray())).ToDictionary(r => r.Id);
        var hits = matches.Where(m => records.ContainsKey(m.Id)).Select(m => (Record: records[m.Id], m.Rank, Hash: records[m.Id].ContentHash)).ToList();
        var snippets = await SnippetsAsync(connection, tsQuery, request.Query.SnippetPattern() ?? "", hits.Select(h => h.Hash).Distinct().ToArray(), ct);
        var page = exact.Skip(request.Offset).Take(request.Limit)
            .Concat(hits.Select(h => Hit(h.Record, h.Rank, false, snippets.GetValueOrDefault(h.Record.ContentHash))))
            .Take(request.Limit).ToList();
        return new SearchResults(exact.Count + total, page, dossiers, more, ranked, estimated);
    }

    /// <summary>
    /// One page of matching revisions (their record ids, with their rank), and how many match in all.
    /// Up to <see cref="SearchSettings.CountCap"/> matches are counted exactly, beyond it the total
    /// is "more than" the cap; up to <see cref="SearchSettings.RankCap"/> they are ranked (text rank,
    /// and a title match on top), beyond it the newest come first: ranking every match of a word
    /// that is everywhere would cost a pass over the whole archive. When PostgreSQL expects more
    /// matching documents than the cap, only the page is looked for (newest first) and the total is
    /// that estimate: counting a thousand matches was most of such a search's time.
    /// </summary>
    static async Task<(List<(string Id, double Rank)> Hits, int Total, bool More, bool Ranked, bool Estimated)> MatchesAsync(NpgsqlConnection connection, string tsQuery, SearchRequest request, HashSet<string> exact, SearchSettings settings, CancellationToken ct)
    {
        // The exact hits take the first places of the first pages; the text matches follow them.
        var offset = Math.Max(0, request.Offset - exact.Count);
        var limit = request.Limit + exact.Count;
        var (required, excluded) = (request.Query.Required, request.Query.Excluded);
        var (plan, expected) = await PlanAsync(connection, string.Join(" & ", required), ct);
        // Pages end at the cap, as they do when the matches are counted.
        var pageOnly = plan == SearchSql.Plan.Probe && expected > settings.CountCap;
        var wanted = pageOnly ? Math.Min(offset + limit, settings.CountCap) : settings.CountCap;
        await using var command = new NpgsqlCommand(SearchSql.Matches(request.Axis, required.Count, excluded.Count, plan, request.At == DateTimeOffset.MaxValue), connection)
        {
            Parameters =
            {
                new("any", tsQuery), new("at", request.At), new("kind", (object?)request.Kind ?? DBNull.Value),
                new("dossier", (object?)request.Dossier ?? DBNull.Value), new("from", (object?)request.From ?? DBNull.Value),
                new("to", (object?)request.To ?? DBNull.Value), new("cap", wanted + 1),
                new("exact", exact.ToArray()),
            },
        };
        for (var i = 0; i < required.Count; i++) command.Parameters.AddWithValue($"r{i}", required[i]);
        for (var i = 0; i < excluded.Count; i++) command.Parameters.AddWithValue($"x{i}", excluded[i]);
        command.Parameters["from"].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date;
        command.Parameters["to"].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date;
        command.Parameters["kind"].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
        command.Parameters["dossier"].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
        var found = new List<(string Id, string Hash, bool InTitle)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                found.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
        var more = found.Count > wanted;
        if (more) found.RemoveRange(wanted, found.Count - wanted);
        if (pageOnly && more)
            return (found.Skip(offset).Take(limit).Select(f => (f.Id, 0.0)).ToList(), Math.Max(Rounded(expected), found.Count + 1), true, false, true);
        if (found.Count > settings.RankCap || (pageOnly && offset > 0))
            return (found.Skip(offset).Take(limit).Select(f => (f.Id, 0.0)).ToList(), found.Count, more, false, false);
        var ranks = await RanksAsync(connection, tsQuery, found.Select(f => f.Hash).Distinct().ToArray(), ct);
        var ranked = found.Select(f => (f.Id, Rank: ranks.GetValueOrDefault(f.Hash) + (f.InTitle ? 0.5 : 0)))
            .OrderByDescending(f => f.Rank).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        return (ranked.Skip(offset).Take(limit).ToList(), found.Count, more, true, false);
    }

    /// <summary>An estimate to two significant digits (9,837 → 9,800): it is not a count.</summary>
    static int Rounded(double estimate)
    {
        if (estimate < 100) return (int)Math.Round(estimate);
        var unit = Math.Pow(10, Math.Floor(Math.Log10(estimate)) - 1);
        return (int)Math.Min(int.MaxValue, Math.Round(estimate / unit) * unit);
    }

    /// <summary>
    /// Probe when PostgreSQL expects the words in more than a tenth of the slices (newest revisions
    /// first, few checks each before a page is full); otherwise the index lists the matching texts.
    /// Also how many documents PostgreSQL expects to match: that share of all documents.
    /// </summary>
    static async Task<(SearchSql.Plan Plan, double Documents)> PlanAsync(NpgsqlConnection connection, string all, CancellationToken ct)
    {
        await using var estimate = new NpgsqlCommand(SearchSql.Estimate, connection) { Parameters = { new("all", all) } };
        var plan = System.Text.Json.JsonDocument.Parse((string)(await estimate.ExecuteScalarAsync(ct))!);
        var rows = plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        await using var sizes = new NpgsqlCommand(SearchSql.Sizes, connection);
        await using var reader = await sizes.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var share = Math.Min(1, rows / reader.GetDouble(0));
        return (share > 0.1 ? SearchSql.Plan.Probe : SearchSql.Plan.Index, share * reader.GetDouble(1));
    }

    static async Task<Dictionary<string, double>> RanksAsync(NpgsqlConnection connection, string tsQuery, string[] hashes, CancellationToken ct)
    {
        var ranks = new Dictionary<string, double>();
        if (hashes.Length == 0) return ranks;
        await using var command = new NpgsqlCommand(SearchSql.Ranks, connection) { Parameters = { new("any", tsQuery), new("hashes", hashes) } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ranks[reader.GetString(0)] = reader.GetDouble(1);
        return ranks;
    }

    static async Task<Dictionary<string, string>> SnippetsAsync(NpgsqlConnection connection, string tsQuery, string pattern, string[] hashes, CancellationToken ct)
    {
        var snippets = new Dictionary<string, string>();
        if (hashes.Length == 0) return snippets;
        await using var command = new NpgsqlCommand(SearchSql.Snippets, connection)
        {
            Parameters = { new("any", tsQuery), new("pattern", pattern), new("hashes", hashes), new("options", SearchSql.HeadlineOptions) },
        };
        await using var reader = await command.ExecuteReaderAsync(ct);
        // The headline is made from the folded text (so that a plain word is marked where the text has accents), then given its accents back.
        while (await reader.ReadAsync(ct))
            snippets[reader.GetString(0)] = FoldedExcerpt.Restore(reader.GetString(1), reader.GetString(2), SearchSql.StartMark, SearchSql.StopMark, SearchSql.FragmentDelimiter);
        return snippets;
    }

    static async Task<(List<SearchHit> Documents, List<DossierHit> Dossiers)> ExactAsync(IQuerySession session, SearchRequest request, CancellationToken ct)
    {
        var documents = new List<SearchHit>();
        var dossiers = new List<DossierHit>();
        foreach (var number in request.Query.Numbers)
        {
            if (number.Kind == NumberKind.Document)
            {
                if (await DocumentTimeTravel.AtAsync(session, number.Number, request.At, request.Axis, ct) is AsOfAnswer.Found found)
                    documents.Add(Hit(found.Revision, double.PositiveInfinity, true, null));
                continue;
            }
            var members = await DossierTimeTravel.AtAsync(session, number.Number, request.At, request.Axis, ct);
            if (number.SequenceNumber is { } volgnummer)
            {
                foreach (var member in members.Where(m => m.SequenceNumber == volgnummer))
                    if (await session.LoadAsync<RevisionRecord>(RevisionRecord.IdOf(member.Number, member.Revision), ct) is { } record)
                        documents.Add(Hit(record, double.PositiveInfinity, true, null));
            }
            else if (members.Count > 0)
                dossiers.Add(new DossierHit(number.Number, (await DossierDetails.LoadAsync(session, number.Number, members, ct))?.Title, members.Count));
        }
        return (documents.DistinctBy(d => d.Number).ToList(), dossiers);
    }

    static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    static SearchHit Hit(RevisionRecord r, double rank, bool exact, string? headline)
    {
        var m = r.Metadata;
        var (plain, html) = headline is null ? (m.Subject ?? m.Title ?? "", Html.Encode(m.Subject ?? m.Title ?? "")) : Marked(headline);
        return new SearchHit(r.DocumentNumber, r.Revision, m.Kind, m.Title, m.Subject, m.Date, m.Dossier?.Number, m.Dossier?.SequenceNumber,
            double.IsInfinity(rank) ? 1000 : Math.Round(rank, 4), exact, plain, html);
    }

    /// <summary>ts_headline marks the words found with control characters: the pieces between them are escaped, the marks become &lt;mark&gt;.</summary>
    static (string Plain, string Html) Marked(string headline)
    {
        var flat = string.Join(' ', headline.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        var html = new StringBuilder();
        var plain = new StringBuilder();
        foreach (var piece in Regex.Split(flat, $"([{SearchSql.StartMark}{SearchSql.StopMark}])"))
        {
            if (piece == SearchSql.StartMark.ToString()) html.Append("<mark>");
            else if (piece == SearchSql.StopMark.ToString()) html.Append("</mark>");
            else { html.Append(Html.Encode(piece)); plain.Append(piece); }
        }
        return (plain.ToString(), html.ToString());
    }
}
