using Archive.Api.ChangeFeed;
using Archive.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Archive.IntegrationTests.ChangeFeed;

/// <summary>In HotCold mode one node writes the feed; the others' streams learn of it by PostgreSQL NOTIFY.</summary>
[Collection(ArchiveCollection.Name)]
public class when_another_node_writes_the_change_feed(ArchiveHost archive) : IClassFixture<ArchiveHost>
{
    [Fact]
    public async Task its_notify_reaches_this_nodes_signal()
    {
        var signal = archive.Host.Services.GetRequiredService<ChangeSignal>();
        await using var connection = new NpgsqlConnection(archive.ConnectionString);
        await connection.OpenAsync();
        // The listener may still be connecting when the first one is sent: send again until it is heard, bounded.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (signal.Highest != 4242 && DateTime.UtcNow < deadline)
        {
            await new NpgsqlCommand($"select pg_notify('{ChangeNotifier.Channel}', '4242')", connection).ExecuteNonQueryAsync();
            await signal.WaitAsync(4241, TimeSpan.FromMilliseconds(200), CancellationToken.None);
        }
        Assert.Equal(4242, signal.Highest);
    }
}
