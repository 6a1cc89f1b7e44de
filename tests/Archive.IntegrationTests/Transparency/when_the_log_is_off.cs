using Archive.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Marten;
using Marten.Events;

namespace Archive.IntegrationTests.Transparency;

public sealed class ArchiveWithoutALog : ArchiveHost
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Archive:Log:Enabled", "false");

    protected override async Task Seed() => await Import(Fixtures.V1, expect: 201);
}

/// <summary>Archive:Log:Enabled=false (for measuring what the log costs): no tree is kept and every /log endpoint says so.</summary>
[Collection(ArchiveCollection.Name)]
public class when_the_log_is_off(ArchiveWithoutALog archive) : IClassFixture<ArchiveWithoutALog>
{
    [Theory]
    [InlineData("/log/key")]
    [InlineData("/log/checkpoint")]
    [InlineData("/log/checkpoints")]
    [InlineData("/log/consistency?from=0")]
    [InlineData("/log/proof?index=0")]
    [InlineData("/log/records/0")]
    [InlineData("/log/tile/0/000.p/1")]
    [InlineData("/api/documents/2026D04632/revisions/1/proof")]
    public async Task every_log_endpoint_answers_that_it_is_off(string url) =>
        Assert.Contains("The transparency log is off", await archive.Text(url, 404));

    [Fact]
    public async Task no_leaf_is_kept_and_the_bundle_has_no_log()
    {
        await archive.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, await archive.Host.Services.GetRequiredService<Archive.Api.Transparency.LogStore>().SizeAsync(CancellationToken.None));
        var zip = await archive.Bytes("/api/documents/2026D04632/history.zip");
        using var entries = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        Assert.DoesNotContain(entries.Entries, e => e.FullName.Contains("/log/"));
    }
}
