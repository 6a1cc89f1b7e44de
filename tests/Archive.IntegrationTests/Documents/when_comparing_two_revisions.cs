using Alba;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Documents;

public sealed class TwoVersionsAndASingle : ArchiveHost
{
    protected override async Task Seed()
    {
        await Import(Fixtures.V1, expect: 201);
        await Import(Fixtures.V2);
        await Import(Fixtures.V1.Replace("2026D04632", "2026D00001"), expect: 201);
    }
}

[Collection(ArchiveCollection.Name)]
public class when_comparing_two_revisions(TwoVersionsAndASingle archive) : IClassFixture<TwoVersionsAndASingle>
{
    [Fact]
    public async Task the_json_diff_lists_the_changes_metadata_and_structure()
    {
        var diff = await archive.GetJson("/api/documents/2026D04632/diff");
        Assert.Equal((1, 2, "word", false), ((int)diff["from"]!, (int)diff["to"]!, (string)diff["granularity"]!, (bool)diff["coarser"]!));
        var changes = diff["ops"]!.AsArray().Where(o => (string)o!["kind"]! != "equal").Select(o => $"{(string)o!["kind"]!}:{(string)o["text"]!}");
        Assert.Equal(["delete:………….", "insert:9 februari", "delete:…….", "insert:6 februari", "delete:dien", "insert:dient",
            "delete:parters", "insert:partners", "delete:Investement", "insert:Investment"], changes);
        Assert.Equal(["versie", "bijgewerkt"], diff["metadata"]!.AsArray().Select(m => (string)m!["field"]!));
        Assert.Contains("VVD, vraag 6: antwoord gewijzigd (+2 −2 woorden)", diff["structure"]!.AsArray().Select(s => (string)s!["text"]!));
        Assert.Equal(7, (int)diff["stats"]!["wordsAdded"]!);
    }

    [Fact]
    public async Task the_side_by_side_view_has_aligned_rows()
    {
        var diff = await archive.GetJson("/api/documents/2026D04632/diff?view=side-by-side&granularity=char");
        var changed = diff["rows"]!.AsArray().Where(r => (string)r!["kind"]! == "changed").ToList();
        Assert.Equal(5, changed.Count);
        Assert.All(changed, r => Assert.Equal((int)r!["oldLine"]!, (int)r["newLine"]!));
        Assert.Null(diff["ops"]);
    }

    [Fact]
    public async Task the_unified_patch_is_plain_text_with_hunks()
    {
        var result = await archive.Host.Scenario(s =>
        {
            s.Get.Url("/api/documents/2026D04632/diff?format=unified&context=0");
            s.ContentTypeShouldBe("text/x-diff; charset=utf-8");
        });
        var patch = await result.ReadAsTextAsync();
        Assert.StartsWith("--- a/2026D04632@1\n+++ b/2026D04632@2\n@@ -5,1 +5,1 @@\n-Vastgesteld …………. 2026\n+Vastgesteld 9 februari 2026\n", patch);
        Assert.Equal(5, patch.Split('\n').Count(l => l.StartsWith("@@")));
    }

    [Fact]
    public async Task the_html_marks_insertions_and_deletions()
    {
        var result = await archive.Host.Scenario(s =>
        {
            s.Get.Url("/api/documents/2026D04632/diff?format=html&view=side-by-side");
            s.ContentTypeShouldBe("text/html; charset=utf-8");
        });
        var html = await result.ReadAsTextAsync();
        Assert.Contains("<del>parters</del>", html);
        Assert.Contains("<ins>partners</ins>", html);
        Assert.Contains("VVD, vraag 6: antwoord gewijzigd", html);
    }

    [Fact]
    public async Task a_diff_revalidates_with_its_etag_and_is_not_kept_for_good_since_a_reread_can_change_it()
    {
        var first = await archive.Host.Scenario(s => s.Get.Url("/api/documents/2026D04632/diff?from=1&to=2"));
        var etag = first.Context.Response.Headers.ETag.ToString();
        Assert.Matches("^\"[0-9a-f]{40}\"$", etag);
        Assert.Equal("public, no-cache", first.Context.Response.Headers.CacheControl.ToString());
        await archive.Host.Scenario(s =>
        {
            s.Get.Url("/api/documents/2026D04632/diff?from=1&to=2");
            s.WithRequestHeader("If-None-Match", etag);
            s.StatusCodeShouldBe(304);
        });
        var other = await archive.Host.Scenario(s => s.Get.Url("/api/documents/2026D04632/diff?from=1&to=2&granularity=char"));
        Assert.NotEqual(etag, other.Context.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task from_equal_to_is_an_empty_diff()
    {
        var diff = await archive.GetJson("/api/documents/2026D04632/diff?from=2&to=2");
        Assert.All(diff["ops"]!.AsArray(), o => Assert.Equal("equal", (string)o!["kind"]!));
        Assert.Empty(diff["metadata"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/documents/2026D99999/diff", 404, "no document numbered")]
    [InlineData("/api/documents/2026D04632/diff?from=1&to=3", 404, "no revision 3")]
    [InlineData("/api/documents/2026D04632/diff?from=0", 404, "no revision 0")]
    [InlineData("/api/documents/2026D04632/diff?granularity=sentence", 400, "line, word, char")]
    [InlineData("/api/documents/2026D04632/diff?format=pdf", 400, "json, unified, html")]
    [InlineData("/api/documents/2026D04632/diff?view=both", 400, "inline, side-by-side")]
    [InlineData("/api/documents/2026D04632/diff?context=-1", 400, "between 0 and 10000")]
    [InlineData("/api/documents/2026D00001/diff", 400, "no revision before it (it is the only one)")]
    [InlineData("/api/documents/2026D04632/diff?to=1", 400, "no revision before it")]
    public async Task bad_requests_are_problems_naming_what_is_wrong(string url, int status, string detail)
    {
        var problem = await archive.GetJson(url, status);
        Assert.Contains(detail, (string)problem["detail"]!);
    }

    [Fact]
    public async Task a_non_numeric_revision_is_a_400() =>
        await archive.Host.Scenario(s =>
        {
            s.Get.Url("/api/documents/2026D04632/diff?from=abc");
            s.StatusCodeShouldBe(400);
        });
}
