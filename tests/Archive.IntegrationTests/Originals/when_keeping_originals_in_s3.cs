using System.Security.Cryptography;
using System.Text;
using Archive.Api.Originals;
using Archive.IntegrationTests.CommandLine;
using Archive.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Archive.IntegrationTests.Originals;

/// <summary>The Archive with <c>Archive:Originals:Store=s3</c>, against an S3-compatible server of its own.</summary>
public sealed class ArchiveWithS3 : ArchiveHost
{
    public TestS3 S3 { get; } = new();

    protected override void Configure(IWebHostBuilder builder)
    {
        foreach (var (key, value) in S3.Settings()) builder.UseSetting(key, value);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        S3.Dispose();
    }

    /// <summary>The same settings for a command, as environment variables.</summary>
    public Dictionary<string, string> Environment(string store = "s3") =>
        S3.Settings(store).ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value);

    public async Task<Dictionary<string, string>> StoresAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var stores = new Dictionary<string, string>();
        await using var reader = await new NpgsqlCommand("select sha256, store from archive.originals", connection).ExecuteReaderAsync();
        while (await reader.ReadAsync()) stores[reader.GetString(0)] = reader.GetString(1);
        return stores;
    }
}

[Collection(ArchiveCollection.Name)]
public class when_keeping_originals_in_s3(ArchiveWithS3 archive) : IClassFixture<ArchiveWithS3>
{
    static string Page(string number) => Fixtures.V1.Replace("2026D04632", number);
    static string Sha256(string page) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(page)));

    async Task<byte[]> Served(string number)
    {
        var result = await archive.Host.Scenario(s => { s.Get.Url($"/api/documents/{number}/revisions/1/original"); s.IgnoreStatusCode(); });
        Assert.True(result.Context.Response.StatusCode == 200, await result.ReadAsTextAsync());
        return await SyncedRealOriginals.Bytes(result);
    }

    [Fact]
    public async Task an_import_puts_the_original_in_the_bucket_and_serves_it_from_there()
    {
        await archive.Import(Page("2026D08101"), 201);
        Assert.Contains($"originals/{Sha256(Page("2026D08101"))}", archive.S3.ObjectKeys());
        Assert.Equal("s3", (await archive.StoresAsync())[Sha256(Page("2026D08101"))]);
        Assert.Equal(Encoding.UTF8.GetBytes(Page("2026D08101")), await Served("2026D08101"));
        var range = await archive.Host.Scenario(s =>
        {
            s.Get.Url("/api/documents/2026D08101/revisions/1/original");
            s.WithRequestHeader("Range", "bytes=5-14");
            s.StatusCodeShouldBe(206);
        });
        Assert.Equal(Encoding.UTF8.GetBytes(Page("2026D08101"))[5..15], await SyncedRealOriginals.Bytes(range));
    }

    [Fact]
    public async Task originals_move_to_postgres_and_back_each_hash_checked()
    {
        await archive.Import(Page("2026D08102"), 201);
        var sha = Sha256(Page("2026D08102"));

        var down = await ArchiveCli.Execute(archive.ConnectionString, ["originals", "migrate", "--to", "postgres"], archive.Environment());
        Assert.True(down.ExitCode == 0, down.Output + down.Errors);
        Assert.Contains("moved to postgres", down.Output);
        Assert.Equal("postgres", (await archive.StoresAsync())[sha]);
        Assert.DoesNotContain($"originals/{sha}", archive.S3.ObjectKeys());
        Assert.Equal(Encoding.UTF8.GetBytes(Page("2026D08102")), await Served("2026D08102"));

        var up = await ArchiveCli.Execute(archive.ConnectionString, ["originals", "migrate", "--to", "s3"], archive.Environment());
        Assert.True(up.ExitCode == 0, up.Output + up.Errors);
        Assert.All(await archive.StoresAsync(), s => Assert.Equal("s3", s.Value));
        Assert.Contains($"originals/{sha}", archive.S3.ObjectKeys());
        Assert.Equal(Encoding.UTF8.GetBytes(Page("2026D08102")), await Served("2026D08102"));
    }

    [Fact]
    public async Task a_move_to_a_bucket_that_cannot_be_reached_or_with_a_wrong_key_fails_in_one_line_and_changes_nothing()
    {
        await archive.Import(Page("2026D08103"), 201);
        await ArchiveCli.Execute(archive.ConnectionString, ["originals", "migrate", "--to", "postgres"], archive.Environment());
        var before = await archive.StoresAsync();

        var nowhere = archive.Environment();
        nowhere["Archive__Originals__S3__ServiceUrl"] = $"http://127.0.0.1:{Ports.Free()}";
        var unreachable = await ArchiveCli.Execute(archive.ConnectionString, ["originals", "migrate", "--to", "s3"], nowhere);
        Assert.NotEqual(0, unreachable.ExitCode);
        Assert.Contains("cannot be reached", unreachable.Errors);
        Assert.Single(unreachable.Errors.Trim().Split('\n'));

        var wrongKey = archive.Environment();
        wrongKey["Archive__Originals__S3__AccessKey"] = "NOT-THE-KEY";
        var refused = await ArchiveCli.Execute(archive.ConnectionString, ["originals", "migrate", "--to", "s3"], wrongKey);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Single(refused.Errors.Trim().Split('\n'));

        Assert.Equal(before, await archive.StoresAsync());
        await ArchiveCli.Execute(archive.ConnectionString, ["originals", "migrate", "--to", "s3"], archive.Environment());
    }

    [Fact]
    public async Task gc_removes_an_object_no_revision_names_and_keeps_the_others()
    {
        await archive.Import(Page("2026D08104"), 201);
        var orphan = Convert.ToHexStringLower(SHA256.HashData("left by a crash"u8));
        await archive.Host.Services.GetRequiredService<OriginalStores>().S3.PutAsync(null!, orphan, "left by a crash"u8.ToArray(), CancellationToken.None);
        Assert.Contains($"originals/{orphan}", archive.S3.ObjectKeys());

        var young = await ArchiveCli.Execute(archive.ConnectionString, ["originals", "gc"], archive.Environment());
        Assert.True(young.ExitCode == 0, young.Errors);
        Assert.Contains($"originals/{orphan}", archive.S3.ObjectKeys());

        var gc = await ArchiveCli.Execute(archive.ConnectionString, ["originals", "gc", "--grace-minutes", "0"], archive.Environment());
        Assert.True(gc.ExitCode == 0, gc.Errors);
        Assert.DoesNotContain($"originals/{orphan}", archive.S3.ObjectKeys());
        Assert.Contains($"originals/{Sha256(Page("2026D08104"))}", archive.S3.ObjectKeys());
    }
}
