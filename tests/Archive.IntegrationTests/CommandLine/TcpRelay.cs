using System.Net;
using System.Net.Sockets;

namespace Archive.IntegrationTests.CommandLine;

/// <summary>A loopback port that relays to PostgreSQL until cut: then every connection through it breaks and new ones are refused, as when the server is lost.</summary>
public sealed class TcpRelay : IDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource _cut = new();
    readonly int _target;

    public TcpRelay(int targetPort)
    {
        _target = targetPort;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    async Task AcceptAsync()
    {
        while (!_cut.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_cut.Token); }
            catch (Exception) { return; }
            _ = RelayAsync(client);
        }
    }

    async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _target, _cut.Token);
                await Task.WhenAny(client.GetStream().CopyToAsync(server.GetStream(), _cut.Token), server.GetStream().CopyToAsync(client.GetStream(), _cut.Token));
            }
            catch (Exception) { }
        }
    }

    public void Cut()
    {
        _cut.Cancel();
        _listener.Stop();
    }

    public void Dispose() => Cut();
}
