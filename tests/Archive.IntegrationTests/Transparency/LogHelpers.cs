using System.Text;
using Archive.Api.Transparency;
using Archive.Content.Transparency;
using Archive.IntegrationTests.Infrastructure;
using Marten;
using Marten.Events;
using Alba;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.IntegrationTests.Transparency;

static class LogHelpers
{
    /// <summary>Waits until every event is in the log, then has a checkpoint signed of it (the API's on-demand signing).</summary>
    public static async Task<string> CaughtUpCheckpoint(this ArchiveHost archive, int timeoutSeconds = 60)
    {
        await archive.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(timeoutSeconds));
        var log = archive.Host.Services.GetRequiredService<LogStore>();
        var events = await archive.EventCount();
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (await log.SizeAsync(CancellationToken.None) < events)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the log did not reach {events} leaves in {timeoutSeconds} s");
            await Task.Delay(100);
        }
        var signed = await archive.Host.Scenario(s =>
        {
            s.Post.Url("/log/checkpoint");
            s.WithRequestHeader("Authorization", $"Bearer {ArchiveHost.ApiKey}");
            s.StatusCodeShouldBe(200);
        });
        return await signed.ReadAsTextAsync();
    }

    public static async Task<string> Text(this ArchiveHost archive, string url, int expect = 200, string? accept = null) =>
        await (await archive.Host.Scenario(s =>
        {
            s.Get.Url(url);
            if (accept is not null) s.WithRequestHeader("Accept", accept);
            s.StatusCodeShouldBe(expect);
        })).ReadAsTextAsync();

    public static async Task<byte[]> Bytes(this ArchiveHost archive, string url)
    {
        var result = await archive.Host.Scenario(s => { s.Get.Url(url); s.StatusCodeShouldBe(200); });
        using var buffer = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>Every record of the log, read as a mirror would: entry bundles of the tiles API, then the partial one.</summary>
    public static async Task<List<byte[]>> Records(this ArchiveHost archive, long size)
    {
        var records = new List<byte[]>();
        for (long n = 0; n * TilePath.FullWidth < size; n++)
        {
            var width = (int)Math.Min(TilePath.FullWidth, size - n * TilePath.FullWidth);
            var bundle = await archive.Bytes("/log/tile/" + new TilePath(true, 0, n, width));
            for (var at = 0; at < bundle.Length;)
            {
                var length = bundle[at] << 8 | bundle[at + 1];
                records.Add(bundle[(at + 2)..(at + 2 + length)]);
                at += 2 + length;
            }
        }
        return records;
    }

    public static Checkpoint Body(string note) => Checkpoint.Parse(note[..(note.IndexOf("\n\n", StringComparison.Ordinal) + 1)])!;

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
