using System.Net;
using Alba;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Archive.IntegrationTests.ChangeFeed;

/// <summary>One client's GET /api/changes/stream, held open until disposed (which hangs up).</summary>
public sealed class EventStream : IDisposable
{
    readonly HttpClient _client;
    readonly HttpResponseMessage _response;
    readonly StreamReader? _reader;

    EventStream(HttpClient client, HttpResponseMessage response, StreamReader? reader) => (_client, _response, _reader) = (client, response, reader);

    public HttpStatusCode Status => _response.StatusCode;
    public string? RetryAfter => _response.Headers.RetryAfter?.ToString();
    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;
    public Task<string> Body() => _response.Content.ReadAsStringAsync();

    /// <summary>Opens a stream as the client at <paramref name="address"/>; a 200 has sent its first comment when this returns.</summary>
    public static async Task<EventStream> Open(IAlbaHost host, string address, string? lastEventId = null)
    {
        var client = host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/changes/stream");
        request.Headers.Add(TestClientAddress.Header, address);
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (response.StatusCode != HttpStatusCode.OK) return new EventStream(client, response, null);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal(": change feed", await reader.ReadLineAsync(timeout.Token));
        return new EventStream(client, response, reader);
    }

    /// <summary>The id of the next event (comments and heartbeats skipped).</summary>
    public async Task<long> NextEvent()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await _reader!.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith("id: ", StringComparison.Ordinal)) return long.Parse(line[4..]);
        throw new EndOfStreamException("The stream ended");
    }

    /// <summary>The next comment line (such as a heartbeat), events skipped.</summary>
    public async Task<string> NextComment()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await _reader!.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith(": ", StringComparison.Ordinal)) return line[2..];
        throw new EndOfStreamException("The stream ended");
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _response.Dispose();
        _client.Dispose();
    }
}

/// <summary>
/// The test server has no remote address; this gives each request the one its test header names,
/// so that tests can be several clients. (The Archive itself never reads an address from a header.)
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, rest) =>
        {
            if (context.Request.Headers[Header] is [{ } address]) context.Connection.RemoteIpAddress = IPAddress.Parse(address);
            return rest(context);
        });
        next(app);
    };
}
