using System.Net.Http.Headers;
using Alba;
using Archive.IntegrationTests.Infrastructure;
using Marten.Events;

namespace Archive.IntegrationTests.ChangeFeed;

[Collection(ArchiveCollection.Name)]
public class when_following_the_change_stream(ArchiveHost archive) : IClassFixture<ArchiveHost>
{
    /// <summary>Reads server-sent events until <paramref name="count"/> have come, then hangs up.</summary>
    async Task<List<(long Id, string Type)>> Read(int count, string? lastEventId = null)
    {
        using var client = archive.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/changes/stream");
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = new List<(long, string)>();
        var (id, type) = (0L, "");
        while (events.Count < count && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("id: ")) id = long.Parse(line[4..]);
            else if (line.StartsWith("event: ")) type = line[7..];
            else if (line.StartsWith("data: ")) events.Add((id, type));
        }
        return events;
    }

    [Fact]
    public async Task a_client_that_reconnects_with_its_last_event_id_misses_nothing_and_sees_nothing_twice()
    {
        for (var n = 0; n < 6; n++)
            await archive.Import(Fixtures.V1.Replace("2026D04632", $"2026D3000{n}"), expect: 201);
        await archive.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var first = await Read(2);
        var rest = await Read(4, first[^1].Id.ToString());
        var all = first.Concat(rest).Select(e => e.Id).ToList();
        Assert.Equal(6, all.Distinct().Count());
        Assert.Equal(all.Order(), all);

        // New changes reach a client that is already listening.
        var listening = Read(1, all[^1].ToString());
        await archive.Import(Fixtures.V1.Replace("2026D04632", "2026D30099"), expect: 201);
        var late = await listening;
        Assert.True(late[0].Id > all[^1]);
        Assert.Equal("nl.tweedekamer.archive.document.created.v1", late[0].Type);
    }

    [Fact]
    public async Task a_bad_last_event_id_is_a_400() =>
        await archive.Host.Scenario(s =>
        {
            s.Get.Url("/api/changes/stream");
            s.WithRequestHeader("Last-Event-ID", "yesterday");
            s.StatusCodeShouldBe(400);
        });
}
