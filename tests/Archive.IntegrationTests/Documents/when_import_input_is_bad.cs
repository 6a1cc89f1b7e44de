using System.Text;
using Alba;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Documents;

/// <summary>Every refusal is a 4xx ProblemDetails naming the reason, and nothing is written.</summary>
[Collection(ArchiveCollection.Name)]
public class when_import_input_is_bad(ArchiveHost archive) : IClassFixture<ArchiveHost>
{
    async Task<string> Refused(Func<Task<IScenarioResult>> send, int status)
    {
        var before = await archive.EventCount();
        var result = await send();
        Assert.Equal("application/problem+json", result.Context.Response.ContentType);
        var problem = await result.ReadJson();
        Assert.Equal(status, (int)problem["status"]!);
        Assert.Equal(before, await archive.EventCount());
        Assert.Equal(0, await archive.TextCount());
        return (string)problem["detail"]!;
    }

    [Fact]
    public async Task an_empty_body_is_refused() =>
        Assert.Contains("empty", await Refused(() => archive.Import([], "text/plain", 400), 400));

    [Fact]
    public async Task random_bytes_are_refused()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        Assert.Contains("not valid UTF-8", await Refused(() => archive.Import(bytes, "text/plain", 400), 400));
    }

    [Fact]
    public async Task a_page_without_the_nummer_line_is_refused() =>
        Assert.Contains("no 'Nummer: …, datum: …' line", await Refused(() => archive.Import(Fixtures.V1.Replace("Nummer:", "Nr:"), 400), 400));

    [Fact]
    public async Task latin1_bytes_are_refused() =>
        Assert.Contains("not valid UTF-8", await Refused(() => archive.Import(Encoding.Latin1.GetBytes(Fixtures.V1), "text/plain", 400), 400));

    [Fact]
    public async Task an_impossible_date_is_refused() =>
        Assert.Contains("2026-02-30", await Refused(() => archive.Import(Fixtures.V1.Replace("datum: 2026-01-30", "datum: 2026-02-30"), 400), 400));

    [Fact]
    public async Task a_body_over_the_limit_is_refused_with_413() =>
        Assert.Contains("over the limit", await Refused(() => archive.Import(new byte[ArchiveHost.MaxBodyBytes + 1], "text/plain", 413), 413));

    [Fact]
    public async Task another_media_type_is_refused_with_415() =>
        Assert.Contains("multipart/form-data", await Refused(() => archive.Import(Fixtures.Bytes("2026D04632-v1.txt"), "application/pdf", 415), 415));

    [Fact]
    public async Task a_malformed_multipart_body_is_refused() =>
        Assert.Contains("multipart", await Refused(() => archive.Import(Encoding.UTF8.GetBytes("--x\r\nnonsense"), "multipart/form-data; boundary=x", 400), 400));

    [Fact]
    public async Task a_batch_of_only_bad_files_is_refused() =>
        Assert.Contains("None of the files", await Refused(() => archive.ImportFiles(400, ("a.txt", [0xff, 0xfe]), ("b.txt", "hello"u8.ToArray())), 400));

    [Fact]
    public async Task an_import_without_the_api_key_is_refused_with_401() =>
        Assert.Contains("Authorization: Bearer", await Refused(() => archive.Host.Scenario(s =>
        {
            s.Post.Text(Fixtures.V1).ToUrl("/api/imports");
            s.StatusCodeShouldBe(401);
            s.Header("WWW-Authenticate").SingleValueShouldEqual("Bearer");
        }), 401));

    [Fact]
    public async Task an_import_with_a_wrong_api_key_is_refused_with_401() =>
        Assert.Contains("not the Archive's", await Refused(() => archive.Host.Scenario(s =>
        {
            s.Post.Text(Fixtures.V1).ToUrl("/api/imports");
            s.WithRequestHeader("Authorization", "Bearer nope");
            s.StatusCodeShouldBe(401);
        }), 401));

    [Fact]
    public async Task an_unknown_document_is_a_404_problem()
    {
        var problem = await archive.GetJson("/api/documents/2026D99999", 404);
        Assert.Equal("Unknown document", (string)problem["title"]!);
        await archive.GetJson("/api/documents/2026D99999/revisions", 404);
        await archive.GetJson("/api/documents/2026D99999/revisions/1", 404);
    }
}
