using Archive.Content.Documents;
using Archive.Content.Search;

namespace Archive.Api.Search;

/// <summary>
/// The SQL of <see cref="DocumentSearch"/>. The tsvector expressions are written exactly as the
/// GIN indexes declare them (see <see cref="Configuration"/>): otherwise PostgreSQL cannot use them.
/// </summary>
static class SearchSql
{
    /// <summary>Lower case, no stemming, no stop words: <c>dutch</c> merges regel with regeling and splits motie from moties.</summary>
    public const string Config = "simple";

    public const string SlicesTable = "search_slices";

    /// <summary>Title and subject together, either of them possibly missing, accents folded (<see cref="Diacritics"/>).</summary>
    public static readonly string TitleText = Diacritics.Sql("coalesce(data -> 'Metadata' ->> 'Title', '') || ' ' || coalesce(data -> 'Metadata' ->> 'Subject', '')");

    public static readonly string TitleVector = $"to_tsvector('simple'::regconfig, ({TitleText}))";

    public const char StartMark = '\u0001', StopMark = '\u0002';

    public const string FragmentDelimiter = " … ";

    public static readonly string HeadlineOptions = $"StartSel={StartMark}, StopSel={StopMark}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\"{FragmentDelimiter}\"";

    /// <summary>How the candidates are found: see <see cref="Matches"/>.</summary>
    public enum Plan
    {
        /// <summary>Words in few texts: the GIN index gives every matching text, then their revisions.</summary>
        Index,

        /// <summary>Words in many texts: the revisions newest first, each checked against its own index entries, until enough are found.</summary>
        Probe,
    }

    /// <summary>
    /// The newest revisions (on the axis's clock, at most @cap) that match, stand at @at and pass the
    /// filters, and whether the title matched; no ranking here, so the cost follows the rows returned
    /// (Probe) or the texts that match (Index), never both. A document matches when each required
    /// group (@r0, @r1 …) matches one of its slices or its title, and no excluded item (@x0, @x1 …)
    /// matches any slice or the title.
    /// </summary>
    public static string Matches(Axis axis, int required, int excluded, Plan plan, bool now = false)
    {
        var clock = axis == Axis.Source ? "source_updated_at" : "recorded_at";
        var title = Aliased(TitleVector, "r");
        var parsed = Parsed(required, excluded);
        var candidates = plan == Plan.Probe
            ? $"({InText("q.q")} or {title} @@ q.q)"
            : $"""
              r.id in (select r1.id from archive.mt_doc_revisionrecord r1
                       where r1.content_hash in (select s.hash from archive.search_slices s, q where s.vector @@ q.q)
                       union all
                       select r2.id from archive.mt_doc_revisionrecord r2, q where {Aliased(TitleVector, "r2")} @@ q.q)
              """;
        // With one group, finding a candidate already matched it.
        var conditions = Conditions(required, excluded);
        var standing = $"""
                r.{clock} <= @at
                and r.document_number <> all(@exact)
                and r.id = (select r2.id from archive.mt_doc_revisionrecord r2
                            where r2.document_number = r.document_number and r2.{clock} <= @at
                            order by r2.source_updated_at desc, (r2.data ->> 'SourceVersion')::int desc, (r2.data ->> 'Revision')::int desc
                            limit 1)
                and coalesce((select (st.data ->> 'Withdrawn')::boolean from archive.mt_doc_statusrecord st
                               where st.document_number = r.document_number and st.{clock} <= @at
                               order by st.source_updated_at desc, st.recorded_at desc
                               limit 1), false) = false
                and (@kind is null or r.data -> 'Metadata' ->> 'Kind' = @kind)
                and (@dossier is null or r.dossier_number = @dossier)
                and (@from is null or (r.data -> 'Metadata' ->> 'Date')::date >= @from)
                and (@to is null or (r.data -> 'Metadata' ->> 'Date')::date <= @to)
            """;
        // Probe: the standing revisions, newest first, come from a fenced subquery (offset 0), so
        // that the cheap checks run before the text is probed, and the probe only as often as the
        // limit needs. Index: the matching texts drive, and only their revisions are checked.
        // Now, on the source clock: only each document's current revision is walked (DocumentDetails,
        // in the order of its source time), still checked by the rule above; otherwise a document
        // with hundreds of recent versions made the walk pass every one of them.
        var currentOnly = plan == Plan.Probe && now && axis == Axis.Source;
        var walked = currentOnly
            ? """
              archive.mt_doc_documentdetails d
              join archive.mt_doc_revisionrecord r on r.id = d.id || '@' || (d.data ->> 'CurrentRevision')
              """
            : "archive.mt_doc_revisionrecord r";
        // The walk's order is named (walked_at) so that the outer order is the same and streams from it.
        var walkedAt = currentOnly ? "d.source_updated_at" : $"r.{clock}";
        var from = plan == Plan.Probe
            ? $"(select r.*, {walkedAt} as walked_at from {walked} where {standing} order by {walkedAt} desc, r.document_number offset 0) r, q where {candidates}"
            : $"archive.mt_doc_revisionrecord r, q where {candidates} and {standing}";
        var order = plan == Plan.Probe ? "r.walked_at desc, r.document_number" : $"r.{clock} desc, r.document_number";
        return $"""
            with q as (select to_tsquery('simple', @any) as q{parsed})
            select r.id, r.content_hash, {title} @@ q.q as in_title
            from {from}{conditions}
            order by {order}
            limit @cap
            """;
    }

    /// <summary>
    /// Which of the given revisions (@ids, record ids) hold which of the terms (@terms, each a
    /// tsquery as <see cref="Content.Search.SearchQuery.Required"/> and <c>Excluded</c> give them) in
    /// a slice or the title: (term's place from 1, revision id). The checks a search makes per group,
    /// for the few revisions a page of changes names and every follow's and webhook's query at once.
    /// </summary>
    public static string TermsAmong()
    {
        var title = Aliased(TitleVector, "r");
        return $"""
            select t.i::int, r.id
            from unnest(@terms::text[]) with ordinality as t(term, i)
                 cross join lateral (select to_tsquery('simple', t.term) as q) p
                 join archive.mt_doc_revisionrecord r on r.id = any(@ids)
            where {InText("p.q")} or {title} @@ p.q
            """;
    }

    /// <summary>Every tsquery is parsed once, in q, not once per row.</summary>
    static string Parsed(int required, int excluded) =>
        string.Concat(Enumerable.Range(0, required).Select(i => $", to_tsquery('simple', @r{i}) as r{i}"))
        + string.Concat(Enumerable.Range(0, excluded).Select(i => $", to_tsquery('simple', @x{i}) as x{i}"));

    static string InText(string query) => $"exists (select 1 from archive.search_slices s where s.hash = r.content_hash and s.vector @@ {query})";

    /// <summary>Each required group (when more than one) in a slice or the title; no excluded item in either.</summary>
    static string Conditions(int required, int excluded)
    {
        var title = Aliased(TitleVector, "r");
        return (required > 1 ? string.Concat(Enumerable.Range(0, required).Select(i => $"\n  and ({InText($"q.r{i}")} or {title} @@ q.r{i})")) : "")
            + string.Concat(Enumerable.Range(0, excluded).Select(i => $"\n  and not {title} @@ q.x{i} and not {InText($"q.x{i}")}"));
    }

    /// <summary>What PostgreSQL expects a query to match, from its statistics, without running it: picks the <see cref="Plan"/>.</summary>
    public const string Estimate = """
        explain (format json) select 1 from archive.search_slices s where s.vector @@ to_tsquery('simple', @all)
        """;

    /// <summary>
    /// How many slices and documents PostgreSQL's statistics count (each at least 1); documents
    /// are counted while their table was never analysed (a new archive, small enough to count).
    /// </summary>
    public const string Sizes = """
        select greatest((select reltuples from pg_class where oid = 'archive.search_slices'::regclass), 1)::float8,
               greatest((select case when reltuples >= 0 then reltuples else (select count(*) from archive.mt_doc_documentdetails) end
                         from pg_class where oid = 'archive.mt_doc_documentdetails'::regclass), 1)::float8
        """;

    /// <summary>The rank of each text among those found (few: at most the cap), from its best slice.</summary>
    public const string Ranks = """
        with q as (select to_tsquery('simple', @any) as q)
        select s.hash, max(ts_rank(s.vector, q.q))::float8
        from archive.search_slices s, q
        where s.hash = any(@hashes) and s.vector @@ q.q
        group by s.hash
        """;

    /// <summary>
    /// Per text, a headline from its first slice that matches (each text's slices are read in order
    /// until one does: no other slice's vector is read), and the original of what it was made from.
    /// A headline costs a pass over what it is given, and folding accents another, so it is given
    /// 900 characters around the first place the words searched for appear (@pattern, see
    /// <see cref="SearchQuery.SnippetPattern"/>); the whole slice when they appear nowhere as
    /// whole words. Each step is its own subquery (offset 0): PostgreSQL would otherwise copy an
    /// expression into every place that uses it and compute it there again, the text read from its
    /// compressed store each time; the whole request took four times as long. (<c>t.text || ''</c>
    /// makes the text a value of its own, read from the store once.)
    /// </summary>
    public static readonly string Snippets = $"""
        with q as (select to_tsquery('simple', @any) as q)
        select b.hash, case when p.at > 0 then o.original else x.whole end,
               ts_headline('simple', case when p.at > 0 then w.folded else {Diacritics.Sql("x.whole")} end, q.q, @options)
        from unnest(@hashes::text[]) h(hash), q,
             lateral (select s.hash, s.index from archive.search_slices s
                      where s.hash = h.hash and {SliceVector("s")} @@ q.q order by s.index limit 1) b,
             lateral (select t.text || '' as whole from archive.texts t where t.hash = b.hash and t.part = b.index offset 0) x,
             lateral (select regexp_instr(x.whole, @pattern, 1, 1, 0, 'i') as at offset 0) p,
             lateral (select substr(x.whole, greatest(1, p.at - 300), 900) as original offset 0) o,
             lateral (select {Diacritics.Sql("o.original")} as folded offset 0) w
        """;

    static string Aliased(string vector, string alias) => vector.Replace("(data ", $"({alias}.data ");

    static string SliceVector(string alias) => $"{alias}.vector";
}
