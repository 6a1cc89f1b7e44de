using System.Text;
using System.Text.Json.Nodes;
using Archive.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using RabbitMQ.Client;

namespace Archive.IntegrationTests.ChangeFeed;

public sealed class ArchiveWithABroker : ArchiveHost
{
    protected override bool UsesBroker => true;

    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("ConnectionStrings:RabbitMq", TestBroker.Instance.Uri);
}

/// <summary>The same CloudEvents reach a RabbitMQ exchange, for consumers that are not the Archive's.</summary>
[Collection(ArchiveCollection.Name)]
public class when_a_broker_is_configured(ArchiveWithABroker archive) : IClassFixture<ArchiveWithABroker>
{
    [Fact]
    public async Task a_consumer_of_the_exchange_receives_the_changes_as_cloudevents()
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestBroker.Instance.Uri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync("archive.changes", ExchangeType.Fanout, durable: true);
        var queue = (await channel.QueueDeclareAsync()).QueueName;
        await channel.QueueBindAsync(queue, "archive.changes", "");

        await archive.Import(Fixtures.V1, expect: 201);
        await archive.Import(Fixtures.V2);

        var received = new List<JsonNode>();
        var checkpoints = new List<JsonNode>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((received.Count < 2 || checkpoints.Count == 0) && DateTime.UtcNow < deadline)
        {
            if (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
            {
                var json = JsonNode.Parse(Encoding.UTF8.GetString(message.Body.Span))!;
                ((string)json["type"]! == "nl.tweedekamer.archive.log.checkpoint.v1" ? checkpoints : received).Add(json);
            }
            else await Task.Delay(100);   // the broker is another process: polling it is all a consumer can do here
        }
        Assert.Equal(["nl.tweedekamer.archive.document.created.v1", "nl.tweedekamer.archive.document.revised.v1"], received.Select(m => (string)m["type"]!));
        Assert.All(received, m => Assert.Equal(("1.0", "2026D04632"), ((string)m["specversion"]!, (string)m["subject"]!)));
        Assert.Equal(long.Parse((string)received[1]["id"]!).ToString("D20"), (string)received[1]["sequence"]!);
        Assert.Equal(2, (int)received[1]["data"]!["revision"]!);
        // The transparency log's checkpoints go the same way, each a CloudEvent with the signed note.
        Assert.StartsWith("localhost/log\n", (string)checkpoints[0]["data"]!["checkpoint"]!);
        Assert.Equal($"checkpoint-{(long)checkpoints[0]["data"]!["treeSize"]!}", (string)checkpoints[0]["id"]!);
    }
}
