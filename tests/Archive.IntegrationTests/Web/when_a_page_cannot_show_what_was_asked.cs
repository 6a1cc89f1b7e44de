using Archive.IntegrationTests.Infrastructure;
using Archive.IntegrationTests.Search;

namespace Archive.IntegrationTests.Web;

/// <summary>The pages' answers when the document is gone, or the question is broken: a page that says so, with the status that goes with it.</summary>
[Collection(ArchiveCollection.Name)]
public class when_a_page_cannot_show_what_was_asked(ThreeDocumentsToSearch archive) : IClassFixture<ThreeDocumentsToSearch>
{
    async Task<string> Page(string url, int status)
    {
        var result = await archive.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(status);
        });
        Assert.StartsWith("text/html", result.Context.Response.ContentType);
        return await result.ReadAsTextAsync();
    }

    [Fact]
    public async Task a_withdrawn_document_is_gone_and_says_when()
    {
        var html = await Page("/documents/2026D00003", 410);
        Assert.Contains("Document ingetrokken", html);
        Assert.Contains("2026-02-20", html);
        Assert.Contains("/api/documents/2026D00003/revisions", html);
    }

    [Fact]
    public async Task a_withdrawn_document_still_shows_as_it_stood_before_its_withdrawal()
    {
        Assert.Contains("Zoals het stond", await Page("/documents/2026D00003?asOf=2026-02-10", 200));
        Assert.Contains("Toen ingetrokken", await Page("/documents/2026D00003?asOf=2026-02-21", 410));
    }

    [Fact]
    public async Task a_dossier_as_of_a_date_leaves_out_what_did_not_exist_yet()
    {
        var html = await Page("/dossiers/36180?asOf=2026-02-03", 200);
        Assert.Contains("2026D04632", html);
        Assert.DoesNotContain("2026D00003", html);
        Assert.Contains("Bestond toen nog niet", await Page("/dossiers/36180?asOf=2025-01-01", 404));
    }

    [Theory]
    [InlineData("/documents/2026D04632?revision=abc", 404)]
    [InlineData("/documents/2026D04632?revision=1", 200)]
    [InlineData("/documents/2026D04632/diff?from=x&to=2", 400)]
    [InlineData("/documents/2026D04632/diff?from=1&to=7", 404)]
    [InlineData("/documents/2026D04632/diff?view=sideways", 400)]
    [InlineData("/documents/2026D04632/diff?from=1&to=2&open=abc", 400)]
    [InlineData("/documents/2026D04632/diff?from=1&to=2&open=1,-2", 400)]
    [InlineData("/documents/2026D04632/diff?from=1&to=2&open=99999", 200)]
    [InlineData("/documents/2026D00004/diff", 400)]
    [InlineData("/dossiers/36180?asOf=someday", 400)]
    [InlineData("/search?q=Mercosur&from=gisteren", 400)]
    [InlineData("/search?q=Mercosur&page=-3", 200)]
    public async Task broken_questions_get_a_page_with_a_clear_status(string url, int status)
    {
        var html = await Page(url, status);
        if (status != 200) Assert.Contains("role=\"alert\"", html);
    }

    [Fact]
    public async Task the_search_page_escapes_what_it_shows() =>
        Assert.DoesNotContain("<script>alert", await Page("/search?q=%3Cscript%3Ealert(1)%3C/script%3E", 200));
}
