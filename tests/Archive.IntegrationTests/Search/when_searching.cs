using System.Text.Json.Nodes;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Search;

/// <summary>Both fixture versions, a second document in the same dossier that is later withdrawn, and one in another dossier.</summary>
public sealed class ThreeDocumentsToSearch : ArchiveHost
{
    protected override async Task Seed()
    {
        await Import(Fixtures.V1, expect: 201);
        await Import(Fixtures.V2);
        var withdrawn = Fixtures.V1.Replace("2026D04632", "2026D00003").Replace("36180 -196", "36180 -197")
            .Replace("bijgewerkt: 2026-02-02 09:51", "bijgewerkt: 2026-02-07 10:00").Replace("Mercosur", "Zuidoost-Azië");
        await Import(withdrawn, expect: 201);
        await Import(Fixtures.V1.Replace("2026D04632", "2026D00004").Replace("36180 -196", "99999 -1").Replace("datum: 2026-01-30", "datum: 2025-06-01"), expect: 201);
        await Post("/api/documents/2026D00003/withdrawal", new { sourceUpdatedAt = "2026-02-20T00:00:00Z" });
    }
}

[Collection(ArchiveCollection.Name)]
public class when_searching(ThreeDocumentsToSearch archive) : IClassFixture<ThreeDocumentsToSearch>
{
    async Task<JsonNode> Search(string query) => await archive.GetJson("/api/search?" + query);

    async Task<List<string>> Numbers(string query) =>
        (await Search(query))["results"]!.AsArray().Select(r => (string)r!["number"]!).ToList();

    [Fact]
    public async Task a_word_without_its_accents_finds_the_text_with_them_and_marks_it_as_written()
    {
        var answer = await Search("q=creeren");
        var hit = answer["results"]!.AsArray().Single(r => (string)r!["number"]! == "2026D04632")!;
        Assert.Contains("<mark>creëren</mark>", (string)hit["snippetHtml"]!);
        Assert.Equal(await Numbers("q=creëren"), await Numbers("q=creeren"));
        Assert.Contains("2026D04632", await Numbers("q=Indonesie"));
    }

    [Fact]
    public async Task a_word_finds_the_documents_whose_current_text_has_it_with_a_highlighted_snippet()
    {
        var answer = await Search("q=Mercosur");

        var hit = answer["results"]!.AsArray().Single(r => (string)r!["number"]! == "2026D04632")!;
        Assert.Equal(2, (int)hit["revision"]!);
        Assert.Contains("Mercosur", (string)hit["snippet"]!);
        Assert.Contains("<mark>Mercosur</mark>", (string)hit["snippetHtml"]!);
        Assert.DoesNotContain('\u0001', (string)hit["snippet"]!);
        Assert.Equal(["2026D00004", "2026D04632"], (await Numbers("q=Mercosur")).Order());
    }

    [Fact]
    public async Task a_word_only_an_earlier_version_had_is_found_as_of_a_date_when_that_version_stood() 
    {
        Assert.DoesNotContain("2026D04632", await Numbers("q=parters"));
        Assert.Contains("2026D04632", await Numbers("q=parters&asOf=2026-02-05"));
        var hit = (await Search("q=parters&asOf=2026-02-05"))["results"]!.AsArray().Single(r => (string)r!["number"]! == "2026D04632")!;
        Assert.Equal(1, (int)hit["revision"]!);
    }

    [Fact]
    public async Task a_withdrawn_document_is_not_found_now_but_is_as_of_before_its_withdrawal()
    {
        Assert.DoesNotContain("2026D00003", await Numbers("q=Zuidoost-Azië"));
        Assert.Contains("2026D00003", await Numbers("q=Zuidoost-Azië&asOf=2026-02-10"));
        Assert.DoesNotContain("2026D00003", await Numbers("q=Zuidoost-Azië&asOf=2026-02-06"));   // before it existed
    }

    [Theory]
    [InlineData("\"belangrijke partners\"", true)]
    [InlineData("\"partners belangrijke\"", false)]
    [InlineData("partners -Mercosur", false)]
    [InlineData("partners -\"Dutch State Business\"", false)]
    [InlineData("xyzzy or Mercosur", true)]
    [InlineData("xyzzy Mercosur", false)]
    [InlineData("MERCOSUR", true)]
    public async Task web_style_syntax_means_phrases_alternatives_and_exclusions(string q, bool found) =>
        Assert.Equal(found, (await Numbers("q=" + Uri.EscapeDataString(q))).Contains("2026D04632"));

    [Fact]
    public async Task a_document_number_is_found_exactly_and_first()
    {
        var results = (await Search("q=2026D04632"))["results"]!.AsArray();
        Assert.Equal("2026D04632", (string)results[0]!["number"]!);
        Assert.True((bool)results[0]!["exact"]!);
    }

    [Fact]
    public async Task a_dossier_number_with_volgnummer_finds_that_document_and_without_one_the_dossier()
    {
        var results = (await Search("q=36180-196"))["results"]!.AsArray();
        Assert.Equal("2026D04632", (string)results.Single()!["number"]!);
        var dossiers = (await Search("q=36180"))["dossiers"]!.AsArray();
        Assert.Equal("36180", (string)dossiers.Single()!["number"]!);
    }

    [Theory]
    [InlineData("kind=Verslag%20van%20een%20schriftelijk%20overleg", true)]
    [InlineData("kind=Motie", false)]
    [InlineData("dossier=36180", true)]
    [InlineData("dossier=99999", false)]
    [InlineData("from=2026-01-30&to=2026-01-30", true)]
    [InlineData("from=2026-01-31", false)]
    [InlineData("to=2026-01-29", false)]
    public async Task filters_narrow_by_kind_dossier_and_date(string filter, bool found) =>
        Assert.Equal(found, (await Numbers("q=Mercosur&" + filter)).Contains("2026D04632"));

    [Fact]
    public async Task results_are_paged_with_a_total()
    {
        var first = await Search("q=Mercosur&limit=1");
        var second = await Search("q=Mercosur&limit=1&offset=1");
        var beyond = await Search("q=Mercosur&limit=1&offset=5");

        Assert.Equal(2, (int)first["total"]!);
        Assert.Equal(2, (int)beyond["total"]!);
        Assert.Empty(beyond["results"]!.AsArray());
        Assert.NotEqual((string)first["results"]![0]!["number"]!, (string)second["results"]![0]!["number"]!);
    }

    [Theory]
    [InlineData("", "Nothing to search for")]
    [InlineData("q=", "Nothing to search for")]
    [InlineData("q=-Mercosur", "Nothing to search for")]
    [InlineData("q=%26%7C!()", "Nothing to search for")]
    [InlineData("q=Mercosur&from=gisteren", "Invalid from")]
    [InlineData("q=Mercosur&from=2026-02-01&to=2026-01-01", "Empty date range")]
    [InlineData("q=Mercosur&limit=0", "Invalid limit")]
    [InlineData("q=Mercosur&limit=1000", "Invalid limit")]
    [InlineData("q=Mercosur&offset=-1", "Invalid offset")]
    [InlineData("q=Mercosur&asOf=eergisteren", "Invalid asOf or axis")]
    [InlineData("q=Mercosur&axis=sideways", "Invalid asOf or axis")]
    public async Task bad_input_is_a_problem_that_says_what_is_wrong(string query, string title)
    {
        var problem = await archive.GetJson("/api/search?" + query, 400);
        Assert.Equal(title, (string)problem["title"]!);
    }

    [Theory]
    [InlineData("'")]
    [InlineData("\\")]
    [InlineData("a:*")]
    [InlineData("'partners' & !x")]
    [InlineData("\"unclosed partners")]
    [InlineData("<-> partners")]
    public async Task what_would_be_tsquery_syntax_is_searched_as_text_never_an_error(string q)
    {
        var result = await archive.Host.Scenario(s =>
        {
            s.Get.Url("/api/search?q=" + Uri.EscapeDataString(q));
            s.StatusCodeShouldBe(q.Any(char.IsLetter) ? 200 : 400);
        });
        Assert.NotNull(result);
    }
}
