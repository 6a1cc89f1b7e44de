using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Archive.Content.OpenData;

namespace Archive.Tests.OpenData;

/// <summary>
/// Our reading of the format is checked against the official tkData XSDs, not against itself. The
/// XSDs come from ../shared/fixtures/odp/schema (not ours, so not in the repository); without it these skip.
/// </summary>
public class when_checking_the_fixtures_against_the_official_schemas
{
    static XmlSchemaSet? _schemas;

    static XmlSchemaSet Schemas => _schemas ??= Load();

    static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        foreach (var file in new[] { "document", "documentversie", "kamerstukdossier", "zaak", "documentactor" })
            set.Add(SyncFeedParser.TkData, OdpFixture.Shared($"schema/tkData-v1-0-{file}.xsd"));
        set.Compile();
        return set;
    }

    public static TheoryData<string> Pages() => new() { "document-page-1.xml", "document-page-2.xml", "documentversie-page-1.xml", "kamerstukdossier-page-1.xml", "zaak-page-1.xml" };

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public void every_entity_validates(string page)
    {
        var entities = XDocument.Load(OdpFixture.Path($"syncfeed/{page}"))
            .Descendants(XName.Get("content", SyncFeedParser.Atom)).SelectMany(c => c.Elements()).ToList();
        Assert.NotEmpty(entities);
        foreach (var entity in entities)
        {
            var errors = new List<string>();
            new XDocument(entity).Validate(Schemas, (_, e) => errors.Add(e.Message));
            Assert.True(errors.Count == 0, $"{page}, {entity.Name.LocalName} {entity.Attribute("id")?.Value}: {string.Join("; ", errors)}");
        }
    }

    [SkippableFact]
    public void a_wrong_entity_does_not_validate()
    {
        var entity = XDocument.Load(OdpFixture.Path("syncfeed/document-page-1.xml"))
            .Descendants(XName.Get("document", SyncFeedParser.TkData)).First();
        entity.Element(XName.Get("volgnummer", SyncFeedParser.TkData))!.Value = "honderdzesennegentig";
        var errors = new List<string>();
        new XDocument(entity).Validate(Schemas, (_, e) => errors.Add(e.Message));
        Assert.NotEmpty(errors);
    }
}
