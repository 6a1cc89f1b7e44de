using System.Text;
using Archive.Content.OpenData;

namespace Archive.Tests.OpenData;

static class OdpFixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "odp", name);

    /// <summary>A file of odp/ that is not ours (the official XSDs, the real SyncFeed entry): from ../shared/fixtures/odp; skips the test without it.</summary>
    public static string Shared(string name) => SharedFixtures.Path($"odp/{name}");
    public static string Text(string name) => File.ReadAllText(Path(name));

    public static SyncFeedPage Page(string name)
    {
        var result = SyncFeedParser.Parse(File.OpenRead(Path($"syncfeed/{name}")));
        Assert.True(result.Succeeded, result.Error);
        return result.Value!;
    }

    public static Content.OpenTk.ParseResult<SyncFeedPage> ParseText(string xml) => SyncFeedParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
}
