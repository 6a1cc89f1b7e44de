using Archive.Content.Documents;
using Archive.Content.OpenData;

namespace Archive.Tests.OpenData;

public class when_joining_entities_into_revisions
{
    static readonly Dictionary<Guid, TkEntity> All = new[] { "document-page-1.xml", "documentversie-page-1.xml", "kamerstukdossier-page-1.xml", "zaak-page-1.xml" }
        .SelectMany(p => OdpFixture.Page(p).Entries).Select(e => e.Entity!).Where(e => e is not TkDocumentVersion { VersionNumber: 2 })
        .ToDictionary(e => e.Id);

    static TkDocument Document => (TkDocument)All[Guid.Parse("5c0a7e2b-3f41-4d8e-9b6a-2e71c9d40632")];

    [Fact]
    public void a_document_with_its_version_dossier_and_case_makes_the_same_metadata_as_the_opentk_page()
    {
        var (revision, waiting) = EntityJoin.Revision(Document, id => All.GetValueOrDefault(id));
        Assert.Empty(waiting);
        Assert.Equal((1, DateTimeOffset.Parse("2026-02-02T08:51:23Z")), (revision!.SourceVersion, revision.SourceUpdated.Instant));
        var page = Content.OpenTk.OpenTkPageParser.Parse(Fixture.Text("2026D04632-v1.txt")).Value!;
        Assert.Equal(page.Metadata.Hash(), revision.Metadata.Hash());
        Assert.Equal(new DossierReference("36180", null, 196, page.Metadata.Dossier!.Title), revision.Metadata.Dossier);
        Assert.Equal(["2026Z02003"], revision.Metadata.CaseNumbers);
    }

    [Fact]
    public void a_document_whose_version_has_not_arrived_waits_for_it()
    {
        var version = Document.CurrentVersion!.Value;
        var (revision, waiting) = EntityJoin.Revision(Document, id => id == version ? null : All.GetValueOrDefault(id));
        Assert.Null(revision);
        Assert.Equal([version], waiting);
    }

    [Fact]
    public void a_dossier_and_a_case_that_arrive_later_are_waited_for_too()
    {
        var (_, waiting) = EntityJoin.Revision(Document, id => All.GetValueOrDefault(id) is TkDocumentVersion v ? v : null);
        Assert.Equal([Document.Dossier!.Value, Document.Cases[0]], waiting);
    }

    [Fact]
    public void a_version_of_the_document_concerns_it_and_another_dossier_does_not()
    {
        var versions = OdpFixture.Page("documentversie-page-1.xml").Entries.Select(e => e.Entity!).ToList();
        Assert.All(versions, v => Assert.True(EntityJoin.Concerns(Document, v)));
        Assert.False(EntityJoin.Concerns(Document, new TkDossier(Guid.NewGuid(), Document.Updated, "1", null, null, null)));
    }
}
