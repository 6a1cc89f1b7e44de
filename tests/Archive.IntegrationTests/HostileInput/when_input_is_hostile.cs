using System.Text;
using System.Xml.Linq;
using Alba;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.HostileInput;

/// <summary>Both fixture versions, imported through the API: what a hostile reader or importer meets.</summary>
public sealed class TwoRevisions : ArchiveHost
{
    protected override async Task Seed()
    {
        await Import(Fixtures.V1, expect: 201);
        await Import(Fixtures.V2);
    }

    /// <summary>Revision 1 of the fixture as another document, with one change made to its page.</summary>
    public static string Page(string number, Func<string, string>? change = null) =>
        (change ?? (p => p))(Fixtures.V1.Replace("Nummer: 2026D04632", $"Nummer: {number}"));

    public static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return at < 0 ? throw new ArgumentException($"'{what}' is not in the text") : text[..at] + with + text[(at + what.Length)..];
    }
}

/// <summary>
/// Each case the hostile-input probe found a 5xx, a hang, a half-written batch or an injection for:
/// every one is now a 4xx ProblemDetails (or a Dutch error page) that names the reason and changes nothing.
/// </summary>
[Collection(ArchiveCollection.Name)]
public class when_input_is_hostile(TwoRevisions archive) : IClassFixture<TwoRevisions>
{
    async Task<IScenarioResult> Get(string url, int expect, params (string Name, string Value)[] headers) =>
        await archive.Host.Scenario(s =>
        {
            s.Get.Url(url);
            foreach (var (name, value) in headers) s.WithRequestHeader(name, value);
            s.StatusCodeShouldBe(expect);
        });

    async Task<string> Problem(string url, int expect = 400, params (string, string)[] headers)
    {
        var result = await Get(url, expect, headers);
        Assert.Equal("application/problem+json", result.Context.Response.ContentType);
        return (string)(await result.ReadJson())["detail"]!;
    }

    public static TheoryData<string, string> EdgeDates()
    {
        var urls = new[]
        {
            "/api/documents/2026D04632?asOf=", "/api/documents/2026D04632?axis=recorded&asOf=", "/api/dossiers/36180?asOf=",
            "/api/export?asOf=", "/api/search?q=overleg&asOf=", "/api/search?q=overleg&from=", "/api/search?q=overleg&to=",
        };
        var dates = new[] { "9999-12-31", "9999-12-31T23:59:59Z", "0001-01-01T00:00", "0001-01-01", "1799-12-31", "2200-01-01" };
        var data = new TheoryData<string, string>();
        foreach (var url in urls)
            foreach (var date in dates)
                data.Add(url, date);
        return data;
    }

    [Theory, MemberData(nameof(EdgeDates))]
    public async Task a_date_at_the_edge_of_the_calendar_is_a_400_naming_the_range(string url, string date) =>
        Assert.Contains("1800", await Problem(url + Uri.EscapeDataString(date)));

    [Theory]
    [InlineData("/documents/2026D04632?asOf=")]
    [InlineData("/dossiers/36180?asOf=")]
    [InlineData("/search?q=overleg&asOf=")]
    public async Task a_page_asked_for_at_the_edge_of_the_calendar_says_so_in_dutch(string url)
    {
        foreach (var date in new[] { "9999-12-31", "0001-01-01T00:00" })
        {
            var page = await (await Get(url + date, 400)).ReadAsTextAsync();
            Assert.Contains("1800", page);
        }
    }

    [Theory]
    [InlineData("Fri, 31 Dec 9999 23:59:59 GMT")]
    [InlineData("Mon, 01 Jan 0001 00:00:00 GMT")]
    [InlineData("0001-01-01T00:00")]
    public async Task an_accept_datetime_at_the_edge_of_the_calendar_is_a_400(string when) =>
        Assert.Contains("Accept-Datetime", await Problem("/timegate/2026D04632", 400, ("Accept-Datetime", when)));

    public static TheoryData<string> BadNumbersInUrls() =>
    [
        "/api/documents/%C3%A9", "/api/documents/..%5C..%5Cevil/history.zip", "/api/documents/2026D04632%0D%0ALink:%20%3Chttp:%2F%2Fevil%3E/revisions",
        "/api/documents/" + new string('1', 10_000), "/api/documents/%2E%2E/revisions/1", "/timegate/%C3%A9", "/timemap/link/2026D04632%22%3B%20rel%3D%22x",
        "/api/dossiers/%C3%A9", "/api/dossiers/36180%0D%0A", "/feeds/dossiers/..%5Cevil.atom",
        "/api/changes?dossier=%00", "/api/changes?document=..%5Cevil", "/api/changes/stream?dossier=%C3%A9", "/api/changes/stream?document=2026D04632%0D%0A",
    ];

    [Theory, MemberData(nameof(BadNumbersInUrls))]
    public async Task a_malformed_number_in_a_url_is_a_400_before_anything_reads_it(string url) =>
        Assert.Contains("number", await Problem(url));

    [Fact]
    public async Task a_malformed_number_in_a_page_url_is_a_dutch_400()
    {
        Assert.Contains("geen nummer", await (await Get("/documents/%C3%A9", 400)).ReadAsTextAsync());
        await Get("/dossiers/..%5Cevil", 400);
    }

    public static TheoryData<string> BadNumbersInPages() =>
        ["..", "..\\..\\evil", "2026Dé4632", "2026D04632\r\nLink: <http://evil>", new string('1', 10_000), "2026D-1", "2026D0463200000"];

    [Theory, MemberData(nameof(BadNumbersInPages))]
    public async Task a_page_with_a_malformed_number_is_refused_and_writes_nothing(string number)
    {
        var before = await archive.EventCount();
        var result = await archive.Import(TwoRevisions.Page(number), expect: 400);
        Assert.Equal("application/problem+json", result.Context.Response.ContentType);
        Assert.Equal(before, await archive.EventCount());
    }

    [Theory]
    [InlineData("versie: -1", "version")]
    [InlineData("versie: 99999999999", "99,999")]
    [InlineData("bijgewerkt: 0001-01-01 00:00", "1800")]
    [InlineData("bijgewerkt: 9999-12-31 23:59", "1800")]
    [InlineData("datum: 0001-01-01", "1800")]
    public async Task a_page_with_a_value_out_of_range_is_refused_with_the_reason(string value, string reason)
    {
        var before = await archive.EventCount();
        var field = value[..value.IndexOf(':')];
        var page = System.Text.RegularExpressions.Regex.Replace(TwoRevisions.Page("2026D05501"), field + @": [^,\n]+", value);
        var detail = (string)(await (await archive.Import(page, expect: 400)).ReadJson())["detail"]!;
        Assert.Contains(reason, detail);
        Assert.Equal(before, await archive.EventCount());
    }

    [Fact]
    public async Task in_a_batch_the_bad_file_is_rejected_and_the_good_ones_commit()
    {
        var bad = TwoRevisions.Page("2026D05502").Replace("bijgewerkt: 2026-02-02 09:51", "bijgewerkt: 0001-01-01 00:00");
        var longTitle = TwoRevisions.ReplaceFirst(TwoRevisions.Page("2026D05503"), "Doen waar Nederland", new string('x', 10_000));
        var answer = await (await archive.ImportFiles(200,
            ("good-1.txt", Encoding.UTF8.GetBytes(TwoRevisions.Page("2026D05504"))),
            ("bad-date.txt", Encoding.UTF8.GetBytes(bad)),
            ("long-title.txt", Encoding.UTF8.GetBytes(longTitle)),
            ("good-2.txt", Encoding.UTF8.GetBytes(TwoRevisions.Page("2026D05505"))))).ReadJson();
        var outcomes = answer["results"]!.AsArray().Select(r => ((string?)r!["source"], (string)r["outcome"]!)).ToList();
        Assert.Equal([("good-1.txt", "created"), ("bad-date.txt", "rejected"), ("long-title.txt", "rejected"), ("good-2.txt", "created")], outcomes);
        Assert.Contains("4,000", (string)answer["results"]![2]!["reason"]!);
        await archive.GetJson("/api/documents/2026D05504");
        await archive.GetJson("/api/documents/2026D05505");
        await archive.GetJson("/api/documents/2026D05502", 404);
        await archive.GetJson("/api/documents/2026D05503", 404);
    }

    [Fact]
    public async Task a_restoration_dated_at_the_edge_is_a_400_and_one_older_than_the_withdrawal_a_409()
    {
        await archive.Import(TwoRevisions.Page("2026D05506"), expect: 201);
        await archive.Post("/api/documents/2026D05506/withdrawal", new { sourceUpdatedAt = "2026-03-01T10:00:00Z" });
        await archive.Post("/api/documents/2026D05506/restoration", new { sourceUpdatedAt = "0001-01-01T00:00:00Z" }, 400);
        await archive.Post("/api/documents/2026D05506/restoration", new { sourceUpdatedAt = "9999-12-31T23:59:59Z" }, 400);
        var stale = await (await archive.Post("/api/documents/2026D05506/restoration", new { sourceUpdatedAt = "2026-02-15T10:00:00Z" }, 409)).ReadJson();
        Assert.Contains("later source time", (string)stale["detail"]!);
        await archive.GetJson("/api/documents/2026D05506", 410);
        await archive.Post("/api/documents/2026D05506/restoration", new { sourceUpdatedAt = "2026-03-02T10:00:00Z" });
        await archive.GetJson("/api/documents/2026D05506");
    }

    [Fact]
    public async Task a_host_header_does_not_move_the_links()
    {
        var gate = await Get("/timegate/2026D04632", 302, ("Host", "evil.example"), ("Accept-Datetime", "Thu, 05 Feb 2026 00:00:00 GMT"));
        Assert.StartsWith(ArchiveHost.PublicBaseUrl + "/", gate.Context.Response.Headers.Location.ToString());
        var revision = await Get("/api/documents/2026D04632/revisions/1", 200, ("Host", "evil.example"));
        var links = revision.Context.Response.Headers.Link.ToString();
        Assert.Contains(ArchiveHost.PublicBaseUrl + "/timegate/2026D04632", links);
        Assert.DoesNotContain("evil.example", links);
        var atom = await (await Get("/feeds/changes.atom", 200, ("Host", "evil.example"))).ReadAsTextAsync();
        Assert.DoesNotContain("evil.example", atom);
    }

    [Fact]
    public async Task control_characters_are_taken_out_of_titles_and_texts_so_feeds_and_snippets_stay_sound()
    {
        var page = TwoRevisions.ReplaceFirst(TwoRevisions.Page("2026D05507"), "Doen waar Nederland", "Doen\u0001 waar\u0002 Nederland\u001b");
        page = page.Replace("INBRENG VERSLAG", "\u0002zeldzaamwoord\u0001 en \u0001anderwoord\u0002 INBRENG VERSLAG");
        await archive.Import(page, expect: 201);

        var document = await archive.GetJson("/api/documents/2026D05507");
        Assert.StartsWith("Doen waar Nederland", (string)document["metadata"]!["title"]!);
        Assert.DoesNotContain('\u0001', document.ToJsonString().Replace("\\u0001", "\u0001"));

        foreach (var feed in new[] { "/feeds/changes.atom", "/feeds/dossiers/36180.atom" })
            XDocument.Parse(await (await Get(feed, 200)).ReadAsTextAsync());   // throws on a character XML cannot carry

        var hit = (await archive.GetJson("/api/search?q=zeldzaamwoord"))["results"]!.AsArray().Single()!;
        var snippet = (string)hit["snippetHtml"]!;
        Assert.Contains("<mark>zeldzaamwoord</mark>", snippet);
        Assert.DoesNotContain("<mark>anderwoord", snippet);
        Assert.Equal(1, snippet.Split("<mark>").Length - 1);
    }

    [Fact]
    public async Task a_title_too_long_for_the_index_is_refused_with_the_limit()
    {
        var page = TwoRevisions.ReplaceFirst(TwoRevisions.Page("2026D05508"), "Doen waar Nederland", new string('x', 5_000) + " ");
        var detail = (string)(await (await archive.Import(page, expect: 400)).ReadJson())["detail"]!;
        Assert.Contains("4,000", detail);
        await archive.GetJson("/api/documents/2026D05508", 404);
    }

    [Fact]
    public async Task a_query_of_too_many_words_is_a_400()
    {
        Assert.Contains("at most 32", await Problem("/api/search?q=" + string.Join("+", Enumerable.Range(0, 33).Select(i => $"w{i}"))));
        Assert.Contains("at most 32", await Problem("/api/search?q=" + string.Join("+", Enumerable.Range(0, 150).Select(i => $"-w{i}"))));
        Assert.Contains("1,000", await Problem("/api/search?q=" + string.Join("+", Enumerable.Range(0, 1_700).Select(i => $"woord{i}"))));
    }

    [Fact]
    public async Task a_query_of_32_words_is_answered() =>
        await archive.GetJson("/api/search?q=" + string.Join("+", Enumerable.Range(0, 32).Select(i => $"woord{i}")));

    [Fact]
    public async Task a_query_too_long_is_a_400() =>
        Assert.Contains("1,000", await Problem("/api/search?q=" + new string('a', 1_001)));
}
