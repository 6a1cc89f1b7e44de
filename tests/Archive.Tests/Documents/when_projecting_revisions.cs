using Archive.Api.Documents;
using Archive.Api.Documents.GettingDetails;
using Archive.Api.Documents.GettingHistory;

namespace Archive.Tests.Documents;

public class when_projecting_revisions
{
    static DocumentDetails Details(IEnumerable<RevisionImported> events)
    {
        var projection = new DocumentDetailsProjection();
        return Project(events, DocumentDetailsProjection.Create, projection.Apply);
    }

    /// <summary>What reading a history does: one row per revision (the time-travel projection's), composed in the order recorded.</summary>
    static DocumentHistory History(IEnumerable<RevisionImported> events)
    {
        var projection = new Archive.Api.Documents.TimeTravel.TimeTravelProjection();
        return DocumentHistory.Of(events.Select(projection.Create).ToList(), []);
    }

    /// <summary>What Marten does with a single-stream projection: Create on the first event, Apply on the rest.</summary>
    static TView Project<TView>(IEnumerable<RevisionImported> events, Func<RevisionImported, TView> create, Action<RevisionImported, TView> apply)
    {
        var list = events.ToList();
        var view = create(list[0]);
        foreach (var e in list.Skip(1)) apply(e, view);
        return view;
    }

    [Fact]
    public void the_current_state_is_the_latest_by_source_time_whatever_the_arrival_order()
    {
        var inOrder = Details(Given.History(Given.V1, Given.V2).Events);
        var lateV1 = Details(Given.History(Given.V2, Given.V1).Events);
        foreach (var view in new[] { inOrder, lateV1 })
        {
            Assert.Equal(2, view.SourceVersion);
            Assert.Equal(new DateTimeOffset(2026, 2, 9, 13, 12, 0, TimeSpan.Zero), view.SourceUpdatedAt);
            Assert.Equal(Given.V2.ContentHash, view.ContentHash);
            Assert.Equal(2, view.RevisionCount);
        }
        Assert.Equal(2, inOrder.CurrentRevision);
        Assert.Equal(1, lateV1.CurrentRevision);
        Assert.Equal(Given.Now, lateV1.FirstRecordedAt);
        Assert.Equal(Given.Now.AddMinutes(1), lateV1.LastRecordedAt);
    }

    [Fact]
    public void the_history_says_what_changed_from_the_revision_before()
    {
        var (_, events) = Given.History(Given.V1, Given.V2);
        var history = History(events);
        Assert.Equal([1, 2], history.Revisions.Select(r => r.Revision));
        Assert.Empty(history.Revisions[0].ChangedFields);
        Assert.False(history.Revisions[0].TextChanged);
        Assert.Equal(["versie", "bijgewerkt"], history.Revisions[1].ChangedFields);
        Assert.True(history.Revisions[1].TextChanged);
        Assert.Equal(RevisionChain.Hash(events[0]), history.Revisions[0].EventHash);
        Assert.Equal(history.Revisions[0].EventHash, history.Revisions[1].PreviousEventHash);
        Assert.Equal((1, Given.Now), (history.Revisions[0].SourceVersion, history.Revisions[0].RecordedAt));
    }
}
