using System.Text;
using System.Text.Json.Nodes;
using Archive.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Archive.IntegrationTests.HostileInput;

/// <summary>
/// Every operation of the OpenAPI document, called with random and boundary values for each of
/// its parameters (and random bodies where it takes one, with the API key, so the body is what
/// gets read): no answer may be a 5xx. The seed is fixed, so a failure reproduces; the count of
/// requests per operation is FUZZ_REQUESTS (default 60; scripts/fuzz-http runs more).
/// </summary>
[Collection(ArchiveCollection.Name)]
public class when_every_endpoint_is_fuzzed(TwoRevisions archive, ITestOutputHelper output) : IClassFixture<TwoRevisions>
{
    static readonly string[] Boundary =
    [
        "", " ", "0", "-1", "1", "2", "99999", "2147483648", "-9223372036854775809", "99999999999999999999999", "1e308", "NaN", "true", "null",
        "2026D04632", "2026d04632", "2026D0463", "2026Z02003", "36180", "36180-196", "21501-02", "..", "..\\..\\evil", "%2e%2e%2f", "é", "\u0000", "\u0001",
        "\r\nX-Injected: 1", "<script>alert(1)</script>", "'; drop table mt_events; --", "\"", "*", ":*", "!", "&", "|", "(", ")", "a:*&b",
        "9999-12-31", "0001-01-01T00:00", "2026-02-30", "2026-02-05", "2026-02-05T10:00", "2026-02-05T00:00:00Z", "Thu, 05 Feb 2026 00:00:00 GMT",
        "Fri, 31 Dec 9999 23:59:59 GMT", "source", "recorded", "x", "json", "unified", "html", "word", "line", new string('a', 5_000),
        new string('1', 2_000), string.Join(" ", Enumerable.Repeat("motie", 1_700)), "motie or", "-", "\"vraag 7", "\ud800", "\uffff",
    ];

    static readonly string ApiKeyHeader = $"Bearer {ArchiveHost.ApiKey}";

    [Fact]
    public async Task no_operation_answers_a_5xx()
    {
        var openApi = await archive.GetJson("/openapi/v1.json");
        var random = new Random(20261202);
        var perOperation = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_REQUESTS"), out var n) ? n : 60;
        var (requests, failures) = (0, new List<string>());
        foreach (var (path, item) in openApi["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is "parameters") continue;
                var parameters = (operation!["parameters"]?.AsArray() ?? []).Select(p => p!).ToList();
                for (var k = 0; k < perOperation; k++)
                {
                    var (url, headers) = Request(path, parameters, random);
                    var body = operation["requestBody"] is null ? null : Body(random);
                    if (operation["operationId"]?.ToString() is "ChangeStream") headers["Accept"] = "application/json";   // a stream would never end
                    var status = await Send(method, url, headers, body);
                    requests++;
                    if (status >= 500) failures.Add($"{method.ToUpperInvariant()} {url} → {status}");
                }
            }
        output.WriteLine($"{requests:N0} requests, {failures.Count} answered 5xx");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.True(requests > 1_000, $"only {requests} requests: the OpenAPI document lists fewer operations than it should");
    }

    static (string Url, Dictionary<string, string> Headers) Request(string path, List<JsonNode> parameters, Random random)
    {
        var headers = new Dictionary<string, string>();
        var query = new List<string>();
        foreach (var parameter in parameters)
        {
            var (name, where) = ((string)parameter["name"]!, (string)parameter["in"]!);
            if (where != "path" && random.Next(3) == 0) continue;   // optional ones are left out now and then
            var value = Value(random);
            switch (where)
            {
                // A NUL in a path never reaches the Archive (Kestrel answers 400 itself; Alba refuses to send it).
                case "path": path = path.Replace("{" + name + "}", Uri.EscapeDataString(value.Length == 0 ? "x" : value.Replace('\0', 'x'))); break;
                case "query": query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}"); break;
                case "header" when value.All(c => c is >= ' ' and < '\u007f'): headers[name] = value; break;
            }
        }
        if (random.Next(4) == 0) headers["Accept-Datetime"] = Ascii(Value(random));
        if (random.Next(4) == 0) headers["Last-Event-ID"] = Ascii(Value(random));
        if (random.Next(2) == 0) headers["Authorization"] = ApiKeyHeader;
        return (query.Count == 0 ? path : path + "?" + string.Join('&', query), headers);
    }

    static string Ascii(string value) => new(value.Where(c => c is >= ' ' and < '\u007f').ToArray());

    static string Value(Random random) => random.Next(3) switch
    {
        0 => Boundary[random.Next(Boundary.Length)],
        1 => Boundary[random.Next(Boundary.Length)] + Boundary[random.Next(Boundary.Length)],
        _ => new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(1, 0x3000)).Where(c => !char.IsSurrogate(c)).ToArray()),
    };

    static byte[] Body(Random random) => random.Next(6) switch
    {
        0 => [],
        1 => Encoding.UTF8.GetBytes("{\"sourceUpdatedAt\":\"" + Value(random).Replace("\"", "") + "\",\"reason\":\"" + Value(random).Replace("\"", "") + "\"}"),
        2 => Encoding.UTF8.GetBytes("{\"url\":\"" + Value(random).Replace("\"", "") + "\",\"secret\":\"" + Value(random).Replace("\"", "") + "\",\"dossier\":" + random.Next() + "}"),
        3 => Encoding.UTF8.GetBytes(TwoRevisions.Page("2026D0" + random.Next(1000, 9999), p => p.Replace("versie: 1", "versie: " + Value(random)))),
        4 => Encoding.UTF8.GetBytes("{\"after\":" + Value(random) + ",\"from\":" + Value(random) + "}"),
        _ => Enumerable.Range(0, random.Next(1, 300)).Select(_ => (byte)random.Next(256)).ToArray(),
    };

    async Task<int> Send(string method, string url, Dictionary<string, string> headers, byte[]? body)
    {
        var result = await archive.Host.Scenario(s =>
        {
            switch (method)
            {
                case "get": s.Get.Url(url); break;
                case "delete": s.Delete.Url(url); break;
                case "post": s.Post.ByteArray(body ?? []).ToUrl(url); break;
                case "put": s.Put.ByteArray(body ?? []).ToUrl(url); break;
                case "head": s.Head.Url(url); break;
                default: throw new InvalidOperationException($"no fuzzing for {method}");
            }
            if (body is not null) s.WithRequestHeader("Content-Type", body.Length > 0 && body[0] == '{' ? "application/json" : "text/plain");
            foreach (var (name, value) in headers) s.WithRequestHeader(name, value);
            s.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }
}
