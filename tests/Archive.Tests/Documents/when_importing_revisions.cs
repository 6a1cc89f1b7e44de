using Archive.Api.Documents;
using Archive.Api.Documents.Recording;

namespace Archive.Tests.Documents;

public class when_importing_revisions
{
    [Fact]
    public void the_first_revision_creates_the_document_with_no_previous_hash()
    {
        var decision = ImportRevisionDecision.Decide(null, Given.V1, Given.Now);
        Assert.Equal(ImportOutcome.Created, decision.Outcome);
        Assert.Equal(1, decision.Revision);
        Assert.True(decision.Current);
        var e = Assert.Single(decision.Events);
        Assert.Equal(("2026D04632", 1, 1, "2026-02-02 09:51"), (e.DocumentNumber, e.Revision, e.SourceVersion, e.SourceUpdatedRaw));
        Assert.Null(e.PreviousEventHash);
        Assert.Equal(Given.V1.ContentHash, e.ContentHash);
        Assert.Equal(Given.V1.Metadata.Hash(), e.MetadataHash);
        Assert.Equal(Given.Now, e.RecordedAt);
        Assert.Equal(new DateTimeOffset(2026, 2, 2, 8, 51, 0, TimeSpan.Zero), e.SourceUpdatedAt);
    }

    [Fact]
    public void a_new_version_is_the_next_revision_linked_to_the_previous_event()
    {
        var (state, events) = Given.History(Given.V1);
        var decision = ImportRevisionDecision.Decide(state, Given.V2, Given.Now);
        Assert.Equal((ImportOutcome.Revised, 2, true), (decision.Outcome, decision.Revision, decision.Current));
        Assert.Equal(RevisionChain.Hash(events[0]), Assert.Single(decision.Events).PreviousEventHash);
    }

    [Fact]
    public void a_revision_says_what_it_changed_so_that_the_change_feed_need_not_read_the_history()
    {
        var (state, events) = Given.History(Given.V1);
        Assert.Equal(([], false), (events[0].ChangedFields, events[0].TextChanged));
        var e = Assert.Single(ImportRevisionDecision.Decide(state, Given.V2, Given.Now).Events);
        Assert.Equal(["versie", "bijgewerkt"], e.ChangedFields);
        Assert.True(e.TextChanged);
    }

    [Fact]
    public void a_write_model_from_before_metadata_was_kept_leaves_the_changes_unknown()
    {
        var (state, _) = Given.History(Given.V1);
        state!.LastRecordedMetadata = null;
        var e = Assert.Single(ImportRevisionDecision.Decide(state, Given.V2, Given.Now).Events);
        Assert.Null(e.ChangedFields);
    }

    [Fact]
    public void the_same_revision_again_records_nothing()
    {
        var (state, _) = Given.History(Given.V1, Given.V2);
        var decision = ImportRevisionDecision.Decide(state, Given.V2, Given.Now);
        Assert.Equal((ImportOutcome.Unchanged, 2, true), (decision.Outcome, decision.Revision, decision.Current));
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void a_revision_identical_to_an_older_one_records_nothing_either()
    {
        var (state, _) = Given.History(Given.V1, Given.V2);
        var decision = ImportRevisionDecision.Decide(state, Given.V1, Given.Now);
        Assert.Equal((ImportOutcome.Unchanged, 1, false), (decision.Outcome, decision.Revision, decision.Current));
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void an_older_version_arriving_late_is_recorded_but_does_not_become_current()
    {
        var (state, _) = Given.History(Given.V2);
        var decision = ImportRevisionDecision.Decide(state, Given.V1, Given.Now);
        Assert.Equal((ImportOutcome.Revised, 2, false), (decision.Outcome, decision.Revision, decision.Current));
        state!.Apply(decision.Events[0]);
        Assert.Equal(2, state.CurrentSourceVersion);
    }

    [Fact]
    public void a_change_of_text_alone_is_a_new_revision()
    {
        var (state, _) = Given.History(Given.V1);
        var typoFixed = Given.Page("2026D04632-v1.txt", t => t.Replace("parters", "partners"));
        var decision = ImportRevisionDecision.Decide(state, typoFixed, Given.Now);
        Assert.Equal(ImportOutcome.Revised, decision.Outcome);
        Assert.NotEqual(Given.V1.ContentHash, decision.Events[0].ContentHash);
        Assert.Equal(Given.V1.Metadata.Hash(), decision.Events[0].MetadataHash);
    }

    [Fact]
    public void a_change_of_metadata_alone_is_a_new_revision()
    {
        var (state, _) = Given.History(Given.V1);
        var retitled = Given.Page("2026D04632-v1.txt", t => t.Replace("\nVerslag van een schriftelijk overleg\n", "\nVerslag\n"));
        var decision = ImportRevisionDecision.Decide(state, retitled, Given.Now);
        Assert.Equal(ImportOutcome.Revised, decision.Outcome);
        Assert.Equal(Given.V1.ContentHash, decision.Events[0].ContentHash);
        Assert.Equal(["kind"], Given.V1.Metadata.ChangedFields(retitled.Metadata));
    }

    [Fact]
    public void every_event_links_to_the_one_before_it()
    {
        var third = Given.Page("2026D04632-v2.txt", t => t.Replace("versie: 2", "versie: 3").Replace("14:12", "15:00"));
        var (_, events) = Given.History(Given.V1, Given.V2, third);
        Assert.Equal([1, 2, 3], events.Select(e => e.Revision));
        Assert.Null(events[0].PreviousEventHash);
        Assert.Equal(RevisionChain.Hash(events[0]), events[1].PreviousEventHash);
        Assert.Equal(RevisionChain.Hash(events[1]), events[2].PreviousEventHash);
    }

    [Fact]
    public void the_event_hash_covers_every_field()
    {
        var (_, events) = Given.History(Given.V1);
        var e = events[0];
        Assert.NotEqual(RevisionChain.Hash(e), RevisionChain.Hash(e with { RecordedAt = e.RecordedAt.AddTicks(1) }));
        Assert.NotEqual(RevisionChain.Hash(e), RevisionChain.Hash(e with { ContentHash = new string('0', 64) }));
        Assert.NotEqual(RevisionChain.Hash(e), RevisionChain.Hash(e with { Metadata = e.Metadata with { Title = "x" } }));
        Assert.Equal(RevisionChain.Hash(e), RevisionChain.Hash(e with { }));
    }

    [Fact]
    public void a_write_model_keeps_a_short_digest_per_revision_and_still_knows_each_one()
    {
        var (state, _) = Given.History(Given.V1, Given.V2);
        Assert.Equal(2, state!.KnownKeys.Count);
        Assert.All(state.KnownKeys, k => Assert.Equal(12, k.Length));
        Assert.Empty(state.Known);
        Assert.Equal((ImportOutcome.Unchanged, 1), Outcome(ImportRevisionDecision.Decide(state, Given.V1, Given.Now)));
        Assert.Equal((ImportOutcome.Unchanged, 2), Outcome(ImportRevisionDecision.Decide(state, Given.V2, Given.Now)));
    }

    [Fact]
    public void a_snapshot_from_before_the_digests_still_knows_its_revisions_and_moves_them_over_on_the_next()
    {
        var (state, events) = Given.History(Given.V1);
        state!.Known = [new KnownRevision(1, RevisionKey.Of(events[0]))];
        (state.KnownKeys, state.LastKey) = ([], null);
        Assert.Equal((ImportOutcome.Unchanged, 1), Outcome(ImportRevisionDecision.Decide(state, Given.V1, Given.Now)));

        var next = Assert.Single(ImportRevisionDecision.Decide(state, Given.V2, Given.Now).Events);
        Assert.True(next.TextChanged);
        state.Apply(next);
        Assert.Empty(state.Known);
        Assert.Equal(2, state.KnownKeys.Count);
        Assert.Equal((ImportOutcome.Unchanged, 1), Outcome(ImportRevisionDecision.Decide(state, Given.V1, Given.Now)));
    }

    static (ImportOutcome, int) Outcome(ImportDecision decision) => (decision.Outcome, decision.Revision);
}
