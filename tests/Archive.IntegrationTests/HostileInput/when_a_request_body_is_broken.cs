using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Archive.IntegrationTests.CommandLine;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.HostileInput;

/// <summary>The Archive in its own process on loopback: body faults only a real server and a raw socket can make.</summary>
public sealed class RunningArchive : IAsyncLifetime
{
    public const string ApiKey = "body-test-key";
    Process _server = null!;
    public Uri BaseUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = ArchiveCli.Start(TestCluster.NewDatabase(), ["--urls", "http://127.0.0.1:0"], new() { ["Archive__ApiKey"] = ApiKey });
        BaseUrl = new Uri(await ArchiveCli.ListeningAddress(_server));
    }

    /// <summary>Sends the bytes as they are, waits <paramref name="pause"/> before the rest, and returns the status line of the answer.</summary>
    public async Task<string> Send(string head, byte[] first, TimeSpan pause, byte[]? rest = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(BaseUrl.Host, BaseUrl.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Replace("\n", "\r\n") + "\r\n"));
        await stream.WriteAsync(first);
        await Task.Delay(pause);
        try
        {
            if (rest is not null) await stream.WriteAsync(rest);
        }
        catch (IOException)
        {
            // The server closed the connection already; its answer is still there to read.
        }
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await reader.ReadLineAsync(timeout.Token) ?? "";
    }

    public async Task DisposeAsync()
    {
        if (!_server.HasExited) _server.Kill(entireProcessTree: true);
        await _server.WaitForExitAsync();
        _server.Dispose();
    }
}

/// <summary>A body that stops coming or cannot be framed is the client's fault: 408 and 400, never 500.</summary>
[Collection(ArchiveCollection.Name)]
public class when_a_request_body_is_broken(RunningArchive archive) : IClassFixture<RunningArchive>
{
    string Head(string framing) =>
        $"POST /api/imports HTTP/1.1\nHost: {archive.BaseUrl.Authority}\nAuthorization: Bearer {RunningArchive.ApiKey}\nContent-Type: text/plain\n{framing}\n";

    [Fact]
    public async Task a_body_that_stops_coming_is_a_408()
    {
        // Kestrel's minimum body rate (240 bytes a second after a grace of 5 s) decides when the wait is over.
        var status = await archive.Send(Head("Content-Length: 100000\n"), Encoding.UTF8.GetBytes("Nummer: 2026D"), TimeSpan.FromSeconds(8));
        Assert.StartsWith("HTTP/1.1 408", status);
    }

    [Fact]
    public async Task a_bad_chunk_is_a_400()
    {
        var status = await archive.Send(Head("Transfer-Encoding: chunked\n"), Encoding.ASCII.GetBytes("5\r\nNumme\r\nzz-not-hex\r\nrest\r\n"), TimeSpan.Zero);
        Assert.StartsWith("HTTP/1.1 400", status);
    }

    [Fact]
    public async Task a_body_shorter_than_its_length_is_a_400()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(archive.BaseUrl.Host, archive.BaseUrl.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(Head("Content-Length: 1000\n").Replace("\n", "\r\n") + "\r\nNummer"));
        client.Client.Shutdown(SocketShutdown.Send);   // the body ends after 6 of its 1,000 bytes
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string status;
        try
        {
            status = await reader.ReadLineAsync(timeout.Token) ?? "";
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            status = "";   // Kestrel may answer and reset at once; the reset can discard its answer before it is read
        }
        Assert.True(status == "" || status.StartsWith("HTTP/1.1 400"), status);   // a client that hung up may get no answer at all, never a 500
    }
}
