namespace Archive.Tests.OpenData;

public class when_a_syncfeed_page_is_bad
{
    static string Page1 => OdpFixture.Text("syncfeed/document-page-1.xml");

    static string Refusal(string xml)
    {
        var result = OdpFixture.ParseText(xml);
        Assert.False(result.Succeeded);
        return result.Error!;
    }

    [Fact]
    public void an_entity_whose_start_tag_is_gone_is_refused_not_read_forever()
    {
        // Found by scripts/fuzz: the reader fell into its error state inside an entry, and the entry's loop waited for an end that never came.
        var page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz", "syncfeed", "hang-e08319335ccfc884.bin"));
        Assert.Contains("not well-formed", Refusal(page));
    }

    [Fact]
    public void a_truncated_page_is_refused_saying_where() =>
        Assert.Matches(@"not well-formed XML \(line \d+, position \d+", Refusal(Page1[..(Page1.Length / 2)]));

    [Fact]
    public void an_entity_declaration_is_refused_before_it_expands() =>
        Assert.Contains("DOCTYPE", Refusal("""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>&lol2;</title></feed>
            """));

    [Fact]
    public void an_external_entity_is_refused() =>
        Assert.Contains("DOCTYPE", Refusal("""
            <?xml version="1.0"?>
            <!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>&xxe;</title></feed>
            """));

    [SkippableFact]
    public void a_page_without_namespaces_is_not_an_atom_feed() =>
        Assert.Contains("not an Atom feed: its root is <entry> in namespace ''", Refusal(File.ReadAllText(OdpFixture.Shared("syncfeed/fractieZetelPersoon-entry_wetsuite-notebook.xml"))));

    [Fact]
    public void an_entity_in_an_unknown_namespace_is_left_out_and_the_rest_stands()
    {
        const string tkData = "xmlns=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\"";
        var first = Page1.IndexOf(tkData, StringComparison.Ordinal);
        var xml = Page1[..first] + "xmlns=\"urn:other\"" + Page1[(first + tkData.Length)..];
        var page = OdpFixture.ParseText(xml).Value!;
        var problem = Assert.Single(page.Problems);
        Assert.Equal((1, "5c0a7e2b-3f41-4d8e-9b6a-2e71c9d40632"), (problem.Entry, problem.Id));
        Assert.Contains("namespace 'urn:other'", problem.What);
        Assert.IsType<Content.OpenData.TkTombstone>(Assert.Single(page.Entries).Entity);
    }

    [Theory]
    [InlineData("""tk:bijgewerkt="2026-02-02T08:51:23Z" tk:verwijderd="false" tk:contentType""", """tk:bijgewerkt="2 februari" tk:verwijderd="false" tk:contentType""", "tk:bijgewerkt '2 februari'")]
    [InlineData("<updated>2026-02-02T09:02:17Z</updated>", "<updated>gisteren</updated>", "<updated> 'gisteren'")]
    [InlineData("<title>5c0a7e2b-3f41-4d8e-9b6a-2e71c9d40632</title>", "<title>not-a-guid</title>", "not an entity GUID")]
    public void an_entry_that_cannot_be_read_is_reported_and_skipped(string from, string to, string what)
    {
        var page = OdpFixture.ParseText(Page1.Replace(from, to)).Value!;
        Assert.Contains(what, Assert.Single(page.Problems).What);
        Assert.Single(page.Entries);
    }
}
