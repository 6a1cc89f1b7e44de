using System.Net;
using System.Net.Sockets;
using Archive.Api.Infrastructure;

namespace Archive.Tests.Outbound;

/// <summary>A DNS that answers what the test says: the check at connection time must judge that answer, not an earlier one.</summary>
sealed class AnsweringDns(params IPAddress[] answer) : HostResolver
{
    public override Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? Task.FromResult(new[] { literal }) : Task.FromResult(answer);
}

public sealed class when_connecting_to_a_target : IDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public when_connecting_to_a_target() => _listener.Start();

    public void Dispose() => _listener.Stop();

    static HttpClient Client(HostResolver dns, TargetRules rules) => new(OutboundHttp.Handler(dns, () => rules));

    [Fact]
    public async Task a_name_that_resolves_to_loopback_is_refused_before_any_connection()
    {
        using var client = Client(new AnsweringDns(IPAddress.Loopback), new TargetRules(AllowLoopback: false, TrustAddressLiterals: false));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://receiver.example:{Port}/hook"));

        Assert.True(OutboundHttp.IsRefusal(refused));
        Assert.Contains("'receiver.example' is 127.0.0.1, a loopback address", refused.Message);
        Assert.False(_listener.Pending());
    }

    [Fact]
    public async Task one_private_address_among_public_ones_refuses_the_host()
    {
        var dns = new AnsweringDns(IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.7"));
        var refused = await Assert.ThrowsAsync<OutboundRefusedException>(() =>
            OutboundHttp.CheckedAddressesAsync("receiver.example", new TargetRules(false, false), dns, CancellationToken.None));
        Assert.Contains("10.0.0.7, a private address", refused.Message);
    }

    [Fact]
    public async Task the_checked_address_is_the_one_connected_to()
    {
        using var client = Client(new AnsweringDns(IPAddress.Loopback), new TargetRules(AllowLoopback: true, TrustAddressLiterals: false));

        var request = client.GetAsync($"http://receiver.example:{Port}/hook");
        using var accepted = await _listener.AcceptTcpClientAsync();
        await ReadHeadersAsync(accepted.GetStream());
        await accepted.GetStream().WriteAsync("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"u8.ToArray());

        using var response = await request;
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(IPAddress.Loopback, ((IPEndPoint)accepted.Client.RemoteEndPoint!).Address);
    }

    [Fact]
    public async Task an_address_written_by_the_operator_is_trusted_only_where_literals_are()
    {
        var dns = new AnsweringDns();
        Assert.Equal([IPAddress.Loopback], await OutboundHttp.CheckedAddressesAsync("127.0.0.1", new TargetRules(false, TrustAddressLiterals: true), dns, CancellationToken.None));
        await Assert.ThrowsAsync<OutboundRefusedException>(() =>
            OutboundHttp.CheckedAddressesAsync("127.0.0.1", new TargetRules(false, TrustAddressLiterals: false), dns, CancellationToken.None));
        await Assert.ThrowsAsync<OutboundRefusedException>(() =>
            OutboundHttp.CheckedAddressesAsync("[::]", new TargetRules(true, TrustAddressLiterals: false), dns, CancellationToken.None));
    }

    [Fact]
    public async Task a_redirect_is_answered_not_followed()
    {
        using var client = Client(new AnsweringDns(IPAddress.Loopback), new TargetRules(AllowLoopback: true, TrustAddressLiterals: false));
        var request = client.PostAsync($"http://receiver.example:{Port}/hook", new StringContent("signed"));
        using (var accepted = await _listener.AcceptTcpClientAsync())
        {
            var stream = accepted.GetStream();
            await ReadHeadersAsync(stream);
            await stream.WriteAsync("HTTP/1.1 307 Temporary Redirect\r\nLocation: http://10.0.0.7/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
            using var response = await request;
            Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        }
        Assert.False(_listener.Pending());
    }

    static async Task ReadHeadersAsync(NetworkStream stream)
    {
        var seen = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            seen.Add(one[0]);
            if (seen.Count >= 4 && seen[^4..].SequenceEqual("\r\n\r\n"u8.ToArray())) return;
        }
    }
}
