using Archive.Content.Documents;

namespace Archive.Api.Documents.TimeTravel;

/// <summary>
/// The one rule for what stands at T on a clock (DESIGN decision 3): of the revisions visible at T,
/// the one with the latest source time, the source version and then the later arrival breaking ties
/// (as <see cref="RevisionKey.Supersedes"/> decides "current"); withdrawn when the standing status
/// change is a withdrawal. Written once as LINQ: Marten turns it into SQL for the indexed rows, and
/// the same expressions run over lists in memory (<c>AsQueryable()</c>). Search's SQL
/// (<c>SearchSql</c>) is its only other spelling.
/// </summary>
public static class Standing
{
    public static IQueryable<RevisionRecord> VisibleAt(this IQueryable<RevisionRecord> revisions, DateTimeOffset at, Axis axis) =>
        axis == Axis.Source ? revisions.Where(r => r.SourceUpdatedAt <= at) : revisions.Where(r => r.RecordedAt <= at);

    public static IQueryable<StatusRecord> VisibleAt(this IQueryable<StatusRecord> statuses, DateTimeOffset at, Axis axis) =>
        axis == Axis.Source ? statuses.Where(s => s.SourceUpdatedAt <= at) : statuses.Where(s => s.RecordedAt <= at);

    public static IOrderedQueryable<RevisionRecord> StandingFirst(this IQueryable<RevisionRecord> revisions) =>
        revisions.OrderByDescending(r => r.SourceUpdatedAt).ThenByDescending(r => r.SourceVersion).ThenByDescending(r => r.Revision);

    public static IOrderedQueryable<StatusRecord> StandingFirst(this IQueryable<StatusRecord> statuses) =>
        statuses.OrderByDescending(s => s.SourceUpdatedAt).ThenByDescending(s => s.RecordedAt);

    /// <summary>The revision that stands among those given (all visible at the moment asked about).</summary>
    public static RevisionRecord? Of(IEnumerable<RevisionRecord> visible) => visible.AsQueryable().StandingFirst().FirstOrDefault();

    /// <summary>The revision that stands at <paramref name="at"/> on <paramref name="axis"/> among those given.</summary>
    public static RevisionRecord? Of(IEnumerable<RevisionRecord> revisions, DateTimeOffset at, Axis axis) =>
        revisions.AsQueryable().VisibleAt(at, axis).StandingFirst().FirstOrDefault();

    /// <summary>The status change that stands among those given (all visible at the moment asked about).</summary>
    public static StatusRecord? Of(IEnumerable<StatusRecord> visible) => visible.AsQueryable().StandingFirst().FirstOrDefault();
}
