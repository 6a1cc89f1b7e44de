using System.Text.Json;
using System.Text.Json.Serialization;
using Marten;
using Wolverine.Marten;

namespace Archive.Api.ChangeFeed;

/// <summary>A change as it goes to the message broker: the same CloudEvent as every other feed.</summary>
public sealed record ChangeNotice(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("sequence")] string Sequence,
    [property: JsonPropertyName("datacontenttype")] string DataContentType,
    [property: JsonPropertyName("data")] JsonElement Data)
{
    public static ChangeNotice Of(ChangeRecord record)
    {
        var cloudEvent = JsonDocument.Parse(ChangeEvents.One(record)).RootElement;
        return new ChangeNotice("1.0", record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ChangeEvents.Source, record.Type,
            record.Subject, record.Time, record.Id.ToString("D20", System.Globalization.CultureInfo.InvariantCulture), "application/json",
            cloudEvent.GetProperty("data").Clone());
    }
}

/// <summary>How far the broker has been given the change feed.</summary>
public sealed class BrokerCursor
{
    public string Id { get; set; } = "rabbitmq";
    public long Position { get; set; }
}

/// <summary>
/// With a RabbitMQ connection configured, hands every change to Wolverine's RabbitMQ transport
/// in sequence order, through the Marten outbox: the notices and the cursor commit together, so
/// none is lost or published twice by this node.
/// </summary>
public sealed class BrokerPublisher(IServiceScopeFactory scopes, ILogger<BrokerPublisher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await PublishAsync(ct) == 0) await Task.Delay(200, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Publishing changes to the broker failed; trying again");
                await Task.Delay(1000, ct);
            }
        }
    }

    async Task<int> PublishAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        await using var session = scope.ServiceProvider.GetRequiredService<IDocumentStore>().LightweightSession();
        var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
        outbox.Enroll(session);
        var cursor = await session.LoadAsync<BrokerCursor>("rabbitmq", ct) ?? new BrokerCursor();
        var changes = await session.Query<ChangeRecord>().Where(c => c.Id > cursor.Position).OrderBy(c => c.Id).Take(500).ToListAsync(ct);
        foreach (var change in changes) await outbox.PublishAsync(ChangeNotice.Of(change));
        if (changes.Count == 0) return 0;
        cursor.Position = changes[^1].Id;
        session.Store(cursor);
        await session.SaveChangesAsync(ct);
        return changes.Count;
    }
}
