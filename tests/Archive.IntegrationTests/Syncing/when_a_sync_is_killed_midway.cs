using Archive.IntegrationTests.CommandLine;
using Archive.IntegrationTests.Infrastructure;
using Npgsql;

namespace Archive.IntegrationTests.Syncing;

/// <summary>The sync process is killed while it waits for a page; started again, it ends exactly where an uninterrupted run ends.</summary>
[Collection(ArchiveCollection.Name)]
public class when_a_sync_is_killed_midway
{
    /// <summary>The events, without what differs between any two runs: when they were recorded (and so the
    /// hash links that cover it) and the mirror's address, which has a new port each time.</summary>
    static async Task<List<string>> Events(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var sql = """
            select stream_id, version, type, (data - 'RecordedAt' - 'PreviousEventHash') #- '{Provenance,SourceName}'
            from archive.mt_events order by stream_id, version
            """;
        var events = new List<string>();
        await using var reader = await new NpgsqlCommand(sql, connection).ExecuteReaderAsync();
        while (await reader.ReadAsync()) events.Add($"{reader.GetString(0)}/{reader.GetInt64(1)}/{reader.GetString(2)}/{reader.GetString(3)}");
        return events;
    }

    /// <summary>How many originals are kept, and how many revisions name a file the Archive does not keep.</summary>
    static async Task<(long Kept, long Lacking)> Originals(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var sql = """
            select (select count(*) from archive.originals),
                   (select count(*) from archive.mt_events e where e.type = 'revision_imported' and e.data -> 'Provenance' ->> 'SourceSha256' is not null
                      and not exists (select 1 from archive.originals o where o.sha256 = e.data -> 'Provenance' ->> 'SourceSha256'))
            """;
        await using var reader = await new NpgsqlCommand(sql, connection).ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    [Fact]
    public async Task starting_it_again_gives_the_same_events_as_an_uninterrupted_run()
    {
        var (interrupted, uninterrupted) = (TestCluster.NewDatabase(), TestCluster.NewDatabase());
        await using (var mirror = await PortalMirror.StartAsync())
        {
            mirror.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var running = ArchiveCli.Start(interrupted, "sync", mirror.BaseUrl);
            await mirror.SecondPageAsked.Task.WaitAsync(TimeSpan.FromMinutes(2));
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync();
            Assert.Single(await Events(interrupted));   // the first document page was committed, the second was not
            Assert.Equal((1, 0), await Originals(interrupted));   // and its revision's original with it
            mirror.Gate.TrySetResult();
            var resumed = await ArchiveCli.Execute(interrupted, "sync", mirror.BaseUrl);
            Assert.Equal(0, resumed.ExitCode);
        }
        await using (var mirror = await PortalMirror.StartAsync())
            Assert.Equal(0, (await ArchiveCli.Execute(uninterrupted, "sync", mirror.BaseUrl)).ExitCode);

        var expected = await Events(uninterrupted);
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, await Events(interrupted));
        Assert.Equal((2, 0), await Originals(interrupted));
    }
}
