using Archive.Api.Documents;
using Archive.Api.Documents.Recording;
using Archive.Content.Text;

namespace Archive.Tests.Documents;

/// <summary>A reread gives a revision another text; an import that reads the same source the new way is that revision, not a new one.</summary>
public class when_a_revision_was_read_again
{
    static TextReread Reread(Document state, RevisionImported revision, string text) =>
        new(revision.DocumentNumber, revision.Revision, "opentk-page/2", NormalisedText.Sha256(text), "opentk-page/1", revision.ContentHash,
            state.LastEventHash, revision.SourceUpdatedAt, Given.Now.AddDays(1));

    static ImportRevision ReadTheNewWay(ImportRevision c) =>
        new(c.Metadata, c.SourceVersion, c.SourceUpdatedAt, c.SourceUpdatedRaw, c.Text.Replace("parters", "partners"), c.Provenance);

    [Fact]
    public void the_same_source_read_the_new_way_is_unchanged()
    {
        var (state, events) = Given.History(Given.V1);
        state!.Apply(Reread(state, events[0], ReadTheNewWay(Given.V1).Text));
        var decision = ImportRevisionDecision.Decide(state, ReadTheNewWay(Given.V1), Given.Now.AddDays(2));
        Assert.Equal((ImportOutcome.Unchanged, 1), (decision.Outcome, decision.Revision));
    }

    [Fact]
    public void the_same_source_read_the_old_way_is_unchanged_too()
    {
        var (state, events) = Given.History(Given.V1);
        state!.Apply(Reread(state, events[0], ReadTheNewWay(Given.V1).Text));
        Assert.Equal(ImportOutcome.Unchanged, ImportRevisionDecision.Decide(state, Given.V1, Given.Now.AddDays(2)).Outcome);
    }

    [Fact]
    public void the_next_revision_is_compared_with_the_new_reading_and_linked_after_the_reread()
    {
        var (state, events) = Given.History(Given.V1);
        var reread = Reread(state!, events[0], ReadTheNewWay(Given.V1).Text);
        state!.Apply(reread);
        var next = ImportRevisionDecision.Decide(state, Given.V2, Given.Now.AddDays(2)).Events.Single();
        Assert.Equal(RevisionChain.Hash(reread), next.PreviousEventHash);
        Assert.Equal(2, next.Revision);
    }
}
