using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace Archive.IntegrationTests.Webhooks;

/// <summary>A webhook receiver on loopback that checks every signature with the StandardWebhooks library.</summary>
public sealed class Receiver : IAsyncDisposable
{
    readonly WebApplication _app;
    public ConcurrentQueue<long> Received { get; } = new();
    public int BadSignatures;
    public int Refused;
    public string? Secret { get; set; }
    public int DownWith { get; set; }   // 0: up; otherwise the status code answered
    public string Url { get; private set; } = "";

    Receiver(WebApplication app) => _app = app;

    public static async Task<Receiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new Receiver(builder.Build());
        receiver._app.MapPost("/hook", receiver.Receive);
        await receiver._app.StartAsync();
        receiver.Url = receiver._app.Urls.First() + "/hook";
        return receiver;
    }

    async Task<IResult> Receive(HttpRequest request)
    {
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        try
        {
            new StandardWebhook(Secret!).Verify(body, request.Headers);
        }
        catch (Exception)
        {
            Interlocked.Increment(ref BadSignatures);
            return Results.StatusCode(401);
        }
        if (DownWith != 0)
        {
            Interlocked.Increment(ref Refused);
            return Results.StatusCode(DownWith);
        }
        Received.Enqueue(long.Parse((string)JsonNode.Parse(body)!["id"]!));
        return Results.NoContent();
    }

    public async Task WaitFor(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"waited a minute for {what}");
            await Task.Delay(50);   // the receiver is outside the Archive: there is nothing of ours to wait on
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
