using System.Net;
using Archive.Api.ChangeFeed;
using Archive.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.IntegrationTests.ChangeFeed;

public sealed class ThreeStreamsTwoPerClient : ArchiveHost
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Archive:ChangeFeed:MaxStreams", "3");
        builder.UseSetting("Archive:ChangeFeed:MaxStreamsPerClient", "2");
        builder.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>());
    }

    /// <summary>A client that hung up holds its slot until the server notices, which takes a moment: wait for it, bounded.</summary>
    public async Task OpenStreamsAre(int count)
    {
        var slots = Host.Services.GetRequiredService<StreamSlots>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (slots.Open != count && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(count, slots.Open);
    }
}

[Collection(ArchiveCollection.Name)]
public class when_many_clients_open_change_streams(ThreeStreamsTwoPerClient archive) : IClassFixture<ThreeStreamsTwoPerClient>
{
    [Fact]
    public async Task a_third_stream_from_one_client_is_a_429_with_retry_after_until_one_of_its_streams_closes()
    {
        await archive.OpenStreamsAre(0);
        var first = await EventStream.Open(archive.Host, "10.0.0.1");
        using var second = await EventStream.Open(archive.Host, "10.0.0.1");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, second.Status));

        using (var third = await EventStream.Open(archive.Host, "10.0.0.1"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
            Assert.Equal("10", third.RetryAfter);
            Assert.Equal("application/problem+json", third.ContentType);
            Assert.Contains("MaxStreamsPerClient", await third.Body());
        }
        using (var otherClient = await EventStream.Open(archive.Host, "10.0.0.2"))
            Assert.Equal(HttpStatusCode.OK, otherClient.Status);

        first.Dispose();
        await archive.OpenStreamsAre(1);
        using var again = await EventStream.Open(archive.Host, "10.0.0.1");
        Assert.Equal(HttpStatusCode.OK, again.Status);
    }

    [Fact]
    public async Task beyond_the_total_every_client_is_refused_until_a_stream_closes()
    {
        await archive.OpenStreamsAre(0);
        using var a1 = await EventStream.Open(archive.Host, "10.0.1.1");
        using var a2 = await EventStream.Open(archive.Host, "10.0.1.1");
        var b = await EventStream.Open(archive.Host, "10.0.1.2");
        Assert.Equal(HttpStatusCode.OK, b.Status);

        using (var c = await EventStream.Open(archive.Host, "10.0.1.3"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, c.Status);
            Assert.NotNull(c.RetryAfter);
            Assert.Contains("MaxStreams)", await c.Body());
        }

        b.Dispose();
        await archive.OpenStreamsAre(2);
        using var admitted = await EventStream.Open(archive.Host, "10.0.1.3");
        Assert.Equal(HttpStatusCode.OK, admitted.Status);
    }
}
