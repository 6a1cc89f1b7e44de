using Archive.Content.Documents;

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

    public const string TitleText = "coalesce(data -> 'Metadata' ->> 'Title', '') || ' ' || coalesce(data -> 'Metadata' ->> 'Subject', '')";

    public const string TitleVector = $"to_tsvector('simple'::regconfig, ({TitleText}))";

    public const char StartMark = '\u0001', StopMark = '\u0002';

    public static readonly string HeadlineOptions = $"StartSel={StartMark}, StopSel={StopMark}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

    /// <summary>
    /// The revisions that match, stand at @at on the axis's clock and pass the filters; ranked,
    /// paged, with the total. Candidates come from the GIN indexes (@any); a document matches when
    /// each required group (@r0, @r1 …) matches one of its slices or its title, and no excluded
    /// item (@x0, @x1 …) matches any slice or the title.
    /// </summary>
    public static string Matches(Axis axis, int required, int excluded)
    {
        var clock = axis == Axis.Source ? "source_updated_at" : "recorded_at";
        var (slice, title) = (SliceVector("s"), Aliased(TitleVector, "r"));
        // Every tsquery is parsed once, in q, not once per row.
        var parsed = string.Concat(Enumerable.Range(0, required).Select(i => $", to_tsquery('simple', @r{i}) as r{i}"))
            + string.Concat(Enumerable.Range(0, excluded).Select(i => $", to_tsquery('simple', @x{i}) as x{i}"));
        var groups = string.Concat(Enumerable.Range(0, required).Select(i => $", bool_or({slice} @@ q.r{i}) as r{i}"));
        var conditions = string.Concat(Enumerable.Range(0, required).Select(i => $"\n      and (coalesce(h.r{i}, false) or {title} @@ q.r{i})"))
            + string.Concat(Enumerable.Range(0, excluded).Select(i => $"\n      and not {title} @@ q.x{i}" +
                $" and not exists (select 1 from archive.search_slices x where x.hash = r.content_hash and {SliceVector("x")} @@ q.x{i})"));
        return $"""
            with q as (select to_tsquery('simple', @any) as q{parsed}),
            slice_hits as (
                select s.hash, max(ts_rank({slice}, q.q)) as rank{groups}
                from archive.search_slices s, q
                where {slice} @@ q.q
                group by s.hash),
            matched as (
                select r.id from archive.mt_doc_revisionrecord r join slice_hits h on h.hash = r.content_hash
                union
                select r.id from archive.mt_doc_revisionrecord r, q where {title} @@ q.q),
            scored as (
                select r.id, coalesce(h.rank, 0) + case when {title} @@ q.q then 0.5 else 0 end as rank
                from matched m join archive.mt_doc_revisionrecord r on r.id = m.id cross join q
                left join slice_hits h on h.hash = r.content_hash
                where true{conditions})
            select r.id, s.rank::float8, count(*) over () as total
            from scored s join archive.mt_doc_revisionrecord r on r.id = s.id
            where r.{clock} <= @at
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
            order by s.rank desc, r.document_number
            limit @limit offset @offset
            """;
    }

    /// <summary>Per text, a headline from its best-matching slice.</summary>
    public static readonly string Snippets = $"""
        with q as (select to_tsquery('simple', @any) as q)
        select distinct on (s.hash) s.hash, ts_headline('simple', t.text, q.q, @options)
        from archive.search_slices s join archive.texts t on t.hash = s.hash and t.part = s.index, q
        where s.hash = any(@hashes) and {SliceVector("s")} @@ q.q
        order by s.hash, ts_rank({SliceVector("s")}, q.q) desc
        """;

    static string Aliased(string vector, string alias) => vector.Replace("(data ", $"({alias}.data ");

    static string SliceVector(string alias) => $"{alias}.vector";
}
