using Archive.Api.Documents.TimeTravel;
using Archive.Content.Documents;

namespace Archive.Tests.TimeTravel;

public class when_deciding_what_stands_at_a_moment
{
    static readonly DateTimeOffset Feb2 = new(2026, 2, 2, 8, 51, 0, TimeSpan.Zero), Feb9 = Feb2.AddDays(7), Nov28 = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    static RevisionRecord Revision(int n, int version, DateTimeOffset source, DateTimeOffset recorded) =>
        new() { DocumentNumber = "2026D04632", Revision = n, SourceVersion = version, SourceUpdatedAt = source, RecordedAt = recorded };

    [Fact]
    public void the_latest_source_time_stands_even_when_an_older_version_arrived_later()
    {
        RevisionRecord[] revisions = [Revision(1, 2, Feb9, Nov28), Revision(2, 1, Feb2, Nov28.AddHours(1))];
        Assert.Equal(1, Standing.Of(revisions)!.Revision);
        Assert.Equal(2, Standing.Of(revisions.AsQueryable().VisibleAt(Feb9.AddDays(-1), Axis.Source))!.Revision);
        Assert.Equal(1, Standing.Of(revisions.AsQueryable().VisibleAt(Nov28.AddMinutes(30), Axis.Recorded))!.Revision);
    }

    [Fact]
    public void on_a_tie_of_source_time_and_version_the_later_arrival_stands()
    {
        RevisionRecord[] revisions = [Revision(1, 1, Feb2, Nov28), Revision(2, 1, Feb2, Nov28.AddDays(1))];
        Assert.Equal(2, Standing.Of(revisions)!.Revision);
    }

    [Fact]
    public void nothing_stands_before_the_first_revision_on_that_clock() =>
        Assert.Null(Standing.Of([Revision(1, 1, Feb2, Nov28)], Feb2.AddDays(1), Axis.Recorded));

    [Fact]
    public void a_withdrawal_stands_until_a_restoration_with_a_later_source_time()
    {
        StatusRecord[] statuses =
        [
            new() { Withdrawn = true, SourceUpdatedAt = Feb9, RecordedAt = Nov28 },
            new() { Withdrawn = false, SourceUpdatedAt = Feb2, RecordedAt = Nov28.AddDays(1) },
        ];
        Assert.True(Standing.Of(statuses)!.Withdrawn);
    }
}
