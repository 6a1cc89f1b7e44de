using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Archive.IntegrationTests.Following;

/// <summary>A real SMTP server on loopback (the SmtpServer library) that keeps every mail it is given, parsed by MimeKit.</summary>
public sealed class MailReceiver : IAsyncDisposable
{
    readonly CancellationTokenSource _stop = new();
    readonly SmtpServer.SmtpServer _server;
    readonly Task _running;
    public ConcurrentQueue<MimeMessage> Received { get; } = new();
    public int Port { get; }

    MailReceiver(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new ServiceProvider();
        services.Add(new Store(Received));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public static MailReceiver Start() => new(Infrastructure.Ports.Free());

    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(b => b.Address == address)).ToList();

    public async Task<MimeMessage> WaitFor(Func<MimeMessage, bool> mail, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (Received.FirstOrDefault(mail) is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail {what} within {seconds} s; received: {string.Join(" | ", Received.Select(m => $"{m.To} {m.Subject}"))}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, ct));
            return SmtpResponse.Ok;
        }
    }
}
