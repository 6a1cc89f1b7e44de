using System.Text.Json.Nodes;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.ChangeFeed;

/// <summary>
/// Eight importers at once, a reader polling all the while: the reader never gets a sequence
/// number lower than one it already has (no gap filled in behind its back) and gets every change once.
/// </summary>
[Collection(ArchiveCollection.Name)]
public class when_importers_write_while_a_reader_polls(ArchiveHost archive) : IClassFixture<ArchiveHost>
{
    const int Importers = 8, Each = 20;

    async Task<List<(long Id, string Subject)>> Poll(long after)
    {
        var result = await archive.Host.Scenario(s => s.Get.Url($"/api/changes?after={after}&limit=50"));
        return JsonNode.Parse(await result.ReadAsTextAsync())!.AsArray()
            .Select(e => (long.Parse((string)e!["id"]!), (string)e["subject"]!)).ToList();
    }

    [Fact]
    public async Task the_reader_sees_every_change_once_and_in_order()
    {
        var importing = Task.WhenAll(Enumerable.Range(0, Importers).Select(i => Task.Run(async () =>
        {
            for (var n = 0; n < Each; n++)
                await archive.Import(Fixtures.V1.Replace("2026D04632", $"2026D{i}{n:D4}"), expect: 201);
        })));

        var seen = new List<(long Id, string Subject)>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (seen.Count < Importers * Each && DateTime.UtcNow < deadline)
        {
            var page = await Poll(seen.Count == 0 ? 0 : seen[^1].Id);
            foreach (var change in page)
            {
                if (seen.Count > 0) Assert.True(change.Id > seen[^1].Id, $"sequence {change.Id} came after {seen[^1].Id}");
                seen.Add(change);
            }
            if (page.Count == 0) await Task.Delay(50);   // polling, as a reader does: nothing here waits for the projection
        }
        await importing;

        Assert.Equal(Importers * Each, seen.Count);
        Assert.Equal(Importers * Each, seen.Select(s => s.Subject).Distinct().Count());
        Assert.Empty(await Poll(seen[^1].Id));
    }
}
