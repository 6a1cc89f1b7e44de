using System.Text.Json.Nodes;
using Alba;

namespace Archive.IntegrationTests.Infrastructure;

public static class Json
{
    public static async Task<JsonNode> ReadJson(this IScenarioResult result) => JsonNode.Parse(await result.ReadAsTextAsync())!;
}
