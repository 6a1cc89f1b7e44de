using Alba;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Documents;

[Collection(ArchiveCollection.Name)]
public class when_reading_the_api_description(ArchiveHost archive) : IClassFixture<ArchiveHost>
{
    [Fact]
    public async Task the_openapi_document_describes_every_endpoint_with_its_types()
    {
        var openApi = await archive.GetJson("/openapi/v1.json");
        var paths = openApi["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Superset(new HashSet<string> { "/api/imports", "/api/documents", "/api/documents/{nr}", "/api/documents/{nr}/revisions", "/api/documents/{nr}/revisions/{n}" }, paths.ToHashSet());
        Assert.Equal("#/components/schemas/DocumentDetails",
            (string)openApi["paths"]!["/api/documents/{nr}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!);
    }

    [Fact]
    public async Task the_api_reference_page_is_served()
    {
        var result = await archive.Host.Scenario(s =>
        {
            s.Get.Url("/docs/");
            s.StatusCodeShouldBeOk();
        });
        Assert.Contains("<html", await result.ReadAsTextAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task the_home_page_is_html_that_links_to_the_api_reference()
    {
        var result = await archive.Host.Scenario(s =>
        {
            s.Get.Url("/");
            s.ContentTypeShouldBe("text/html; charset=utf-8");
        });
        Assert.Contains("""<a href="/docs">API</a>""", await result.ReadAsTextAsync());   // its recent changes: see the browser tests
    }

    [Fact]
    public async Task an_unknown_path_is_a_404_problem() =>
        await archive.Host.Scenario(s =>
        {
            s.Get.Url("/no/such/thing");
            s.StatusCodeShouldBe(404);
            s.ContentTypeShouldBe("application/problem+json");
        });
}
