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

/// <param name="More">More than <see cref="Total"/> match (<see cref="SearchSettings.CountCap"/>).</param>
/// <param name="Ranked">Ranked by relevance; otherwise (too many to rank, <see cref="SearchSettings.RankCap"/>) the newest first.</param>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits, IReadOnlyList<DossierHit> Dossiers, bool More = false, bool Ranked = true);

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
        var (matches, total, more, ranked) = await MatchesAsync(connection, tsQuery, request, exact.Select(e => e.Number).ToHashSet(), settings, ct);
        var records = (await session.LoadManyAsync<RevisionRecord>(ct, matches.Select(m => m.Id).ToArray())).ToDictionary(r => r.Id);
        var hits = matches.Where(m => records.ContainsKey(m.Id)).Select(m => (Record: records[m.Id], m.Rank, Hash: records[m.Id].ContentHash)).ToList();
        var first = (request.Query.Words.FirstOrDefault() ?? "").ToLowerInvariant();
        var snippets = await SnippetsAsync(connection, tsQuery, first, hits.Select(h => h.Hash).Distinct().ToArray(), ct);
        var page = exact.Skip(request.Offset).Take(request.Limit)
            .Concat(hits.Select(h => Hit(h.Record, h.Rank, false, snippets.GetValueOrDefault(h.Record.ContentHash))))
            .Take(request.Limit).ToList();
        return new SearchResults(exact.Count + total, page, dossiers, more, ranked);
    }

    /// <summary>
    /// One page of matching revisions (their record ids, with their rank), and how many match in all.
    /// Up to <see cref="SearchSettings.CountCap"/> matches are counted exactly, beyond it the total
    /// is "more than" the cap; up to <see cref="SearchSettings.RankCap"/> they are ranked (text rank,
    /// and a title match on top), beyond it the newest come first: ranking every match of a word
    /// that is everywhere would cost a pass over the whole archive.
    /// </summary>
    static async Task<(List<(string Id, double Rank)> Hits, int Total, bool More, bool Ranked)> MatchesAsync(NpgsqlConnection connection, string tsQuery, SearchRequest request, HashSet<string> exact, SearchSettings settings, CancellationToken ct)
    {
        // The exact hits take the first places of the first pages; the text matches follow them.
        var offset = Math.Max(0, request.Offset - exact.Count);
        var limit = request.Limit + exact.Count;
        var (required, excluded) = (request.Query.Required, request.Query.Excluded);
        var plan = await PlanAsync(connection, string.Join(" & ", required), ct);
        await using var command = new NpgsqlCommand(SearchSql.Matches(request.Axis, required.Count, excluded.Count, plan), connection)
        {
            Parameters =
            {
                new("any", tsQuery), new("at", request.At), new("kind", (object?)request.Kind ?? DBNull.Value),
                new("dossier", (object?)request.Dossier ?? DBNull.Value), new("from", (object?)request.From ?? DBNull.Value),
                new("to", (object?)request.To ?? DBNull.Value), new("cap", settings.CountCap + 1),
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
        var more = found.Count > settings.CountCap;
        if (more) found.RemoveRange(settings.CountCap, found.Count - settings.CountCap);
        if (found.Count > settings.RankCap)
            return (found.Skip(offset).Take(limit).Select(f => (f.Id, 0.0)).ToList(), found.Count, more, false);
        var ranks = await RanksAsync(connection, tsQuery, found.Select(f => f.Hash).Distinct().ToArray(), ct);
        var ranked = found.Select(f => (f.Id, Rank: ranks.GetValueOrDefault(f.Hash) + (f.InTitle ? 0.5 : 0)))
            .OrderByDescending(f => f.Rank).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        return (ranked.Skip(offset).Take(limit).ToList(), found.Count, more, true);
    }

    /// <summary>
    /// Probe when PostgreSQL expects the words in more than a tenth of the slices (newest revisions
    /// first, few checks each before a page is full); otherwise the index lists the matching texts.
    /// </summary>
    static async Task<SearchSql.Plan> PlanAsync(NpgsqlConnection connection, string all, CancellationToken ct)
    {
        await using var estimate = new NpgsqlCommand(SearchSql.Estimate, connection) { Parameters = { new("all", all) } };
        var plan = System.Text.Json.JsonDocument.Parse((string)(await estimate.ExecuteScalarAsync(ct))!);
        var rows = plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        await using var slices = new NpgsqlCommand(SearchSql.Slices, connection);
        var total = (double)(await slices.ExecuteScalarAsync(ct))!;
        return rows / total > 0.1 ? SearchSql.Plan.Probe : SearchSql.Plan.Index;
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

    static async Task<Dictionary<string, string>> SnippetsAsync(NpgsqlConnection connection, string tsQuery, string first, string[] hashes, CancellationToken ct)
    {
        var snippets = new Dictionary<string, string>();
        if (hashes.Length == 0) return snippets;
        await using var command = new NpgsqlCommand(SearchSql.Snippets, connection)
        {
            Parameters = { new("any", tsQuery), new("first", first), new("hashes", hashes), new("options", SearchSql.HeadlineOptions) },
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
                dossiers.Add(new DossierHit(number.Number, (await session.LoadAsync<DossierDetails>(number.Number, ct))?.Title, members.Count));
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
