using System.Text.Json;
using System.Text.Json.Serialization;

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
