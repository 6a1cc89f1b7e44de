using Alba;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Mementos;

public sealed class ThreeVersions : ArchiveHost
{
    protected override async Task Seed()
    {
        await Import(Fixtures.V1, expect: 201);
        await Import(Fixtures.V2);
        await Import(Fixtures.V2.Replace("versie: 2", "versie: 3").Replace("2026-02-09 14:12", "2026-02-12 10:00").Replace("partners", "partners (3)"));
    }
}

[Collection(ArchiveCollection.Name)]
public class when_a_memento_client_asks(ThreeVersions archive) : IClassFixture<ThreeVersions>
{
    const string Base = "http://localhost";
    const string Nr = "2026D04632";

    async Task<IScenarioResult> TimeGate(string? acceptDatetime, int expect = 302, bool head = false) =>
        await archive.Host.Scenario(s =>
        {
            if (head) s.Head.Url($"/timegate/{Nr}"); else s.Get.Url($"/timegate/{Nr}");
            if (acceptDatetime is not null) s.WithRequestHeader("Accept-Datetime", acceptDatetime);
            s.StatusCodeShouldBe(expect);
        });

    static string Header(IScenarioResult r, string name) => r.Context.Response.Headers[name].ToString();

    [Theory]
    [InlineData("Thu, 05 Feb 2026 00:00:00 GMT", 1)]
    [InlineData("Mon, 09 Feb 2026 13:12:00 GMT", 2)]
    [InlineData("Tue, 10 Feb 2026 00:00:00 GMT", 2)]
    [InlineData("Sat, 28 Nov 2026 00:00:00 GMT", 3)]
    [InlineData("Thu, 01 Jan 2026 00:00:00 GMT", 1)]   // before the first memento: the first, as Memento prescribes
    [InlineData(null, 3)]                                // no Accept-Datetime: the latest
    public async Task the_timegate_redirects_to_the_memento_that_stood_then(string? acceptDatetime, int revision)
    {
        var result = await TimeGate(acceptDatetime);
        Assert.Equal($"{Base}/api/documents/{Nr}/revisions/{revision}", Header(result, "Location"));
        Assert.Equal("accept-datetime", Header(result, "Vary"));
        var link = Header(result, "Link");
        Assert.Contains($"<{Base}/api/documents/{Nr}>; rel=\"original\"", link);
        Assert.Contains($"<{Base}/timemap/link/{Nr}>; rel=\"timemap\"; type=\"application/link-format\"", link);
    }

    [Fact]
    public async Task the_timegate_answers_head_requests_too() =>
        Assert.EndsWith("/revisions/1", Header(await TimeGate("Thu, 05 Feb 2026 00:00:00 GMT", head: true), "Location"));

    [Fact]
    public async Task an_unreadable_accept_datetime_is_a_400() =>
        Assert.Contains("RFC 1123", await (await TimeGate("around Easter", 400)).ReadAsTextAsync());

    [Fact]
    public async Task a_memento_carries_its_datetime_and_links_to_its_neighbours()
    {
        var result = await archive.Host.Scenario(s => s.Get.Url($"/api/documents/{Nr}/revisions/2"));
        Assert.Equal("Mon, 09 Feb 2026 13:12:00 GMT", Header(result, "Memento-Datetime"));
        var link = Header(result, "Link");
        Assert.Contains($"<{Base}/api/documents/{Nr}>; rel=\"original\"", link);
        Assert.Contains($"<{Base}/timegate/{Nr}>; rel=\"timegate\"", link);
        Assert.Contains($"<{Base}/timemap/link/{Nr}>; rel=\"timemap\"; type=\"application/link-format\"", link);
        Assert.Contains($"<{Base}/api/documents/{Nr}/revisions/1>; rel=\"first memento\"; datetime=\"Mon, 02 Feb 2026 08:51:00 GMT\"", link);
        Assert.Contains($"<{Base}/api/documents/{Nr}/revisions/3>; rel=\"last memento\"; datetime=\"Thu, 12 Feb 2026 09:00:00 GMT\"", link);
        Assert.Contains($"<{Base}/api/documents/{Nr}/revisions/1>; rel=\"prev memento\"", link);
        Assert.Contains($"<{Base}/api/documents/{Nr}/revisions/3>; rel=\"next memento\"", link);
    }

    [Fact]
    public async Task the_first_memento_has_no_prev_and_head_works()
    {
        var result = await archive.Host.Scenario(s => s.Head.Url($"/api/documents/{Nr}/revisions/1"));
        Assert.Equal("Mon, 02 Feb 2026 08:51:00 GMT", Header(result, "Memento-Datetime"));
        Assert.DoesNotContain("prev memento", Header(result, "Link"));
        Assert.Contains("next memento", Header(result, "Link"));
    }

    [Fact]
    public async Task the_timemap_lists_every_memento_in_link_format()
    {
        var result = await archive.Host.Scenario(s =>
        {
            s.Get.Url($"/timemap/link/{Nr}");
            s.ContentTypeShouldBe("application/link-format; charset=utf-8");
        });
        var lines = (await result.ReadAsTextAsync()).Trim().Split(",\n");
        Assert.Equal(
        [
            $"<{Base}/api/documents/{Nr}>; rel=\"original\"",
            $"<{Base}/timegate/{Nr}>; rel=\"timegate\"",
            $"<{Base}/timemap/link/{Nr}>; rel=\"self\"; type=\"application/link-format\"; from=\"Mon, 02 Feb 2026 08:51:00 GMT\"; until=\"Thu, 12 Feb 2026 09:00:00 GMT\"",
            $"<{Base}/api/documents/{Nr}/revisions/1>; rel=\"first memento\"; datetime=\"Mon, 02 Feb 2026 08:51:00 GMT\"",
            $"<{Base}/api/documents/{Nr}/revisions/2>; rel=\"memento\"; datetime=\"Mon, 09 Feb 2026 13:12:00 GMT\"",
            $"<{Base}/api/documents/{Nr}/revisions/3>; rel=\"last memento\"; datetime=\"Thu, 12 Feb 2026 09:00:00 GMT\"",
        ], lines);
    }

    [Fact]
    public async Task the_timemap_comes_as_json_too()
    {
        var map = await archive.GetJson($"/timemap/json/{Nr}");
        Assert.Equal($"{Base}/timegate/{Nr}", (string)map["timegateUri"]!);
        Assert.Equal(3, map["mementos"]!["list"]!.AsArray().Count);
        Assert.Equal($"{Base}/api/documents/{Nr}/revisions/3", (string)map["mementos"]!["last"]!["uri"]!);
    }

    [Fact]
    public async Task the_original_points_to_its_timegate_and_timemap()
    {
        var result = await archive.Host.Scenario(s => s.Get.Url($"/api/documents/{Nr}"));
        Assert.Contains($"<{Base}/timegate/{Nr}>; rel=\"timegate\"", Header(result, "Link"));
    }

    [Fact]
    public async Task an_unknown_document_has_no_timegate_or_timemap()
    {
        await archive.GetJson("/timegate/2026D99999", 404);
        await archive.GetJson("/timemap/link/2026D99999", 404);
        await archive.GetJson("/timemap/json/2026D99999", 404);
    }
}
