using System.Text.RegularExpressions;
using Archive.IntegrationTests.Infrastructure;
using Npgsql;

namespace Archive.IntegrationTests.CommandLine;

/// <summary>
/// PostgreSQL lost mid-import (here: the relay the importer connects through is cut): one line
/// that says so and how far it got, a non-zero exit, no stack trace; run again, it finishes.
/// </summary>
[Collection(ArchiveCollection.Name)]
public class when_the_database_goes_away_during_an_import : IDisposable
{
    const int Files = 600;
    readonly string _database = TestCluster.NewDatabase();
    readonly string _folder = Directory.CreateTempSubdirectory("archive-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    async Task<long> Events()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from archive.mt_events", connection);
        try { return (long)(await count.ExecuteScalarAsync())!; }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable) { return 0; }
    }

    [Fact]
    public async Task it_says_so_in_one_line_with_how_far_it_got_and_a_rerun_finishes()
    {
        for (var n = 0; n < Files; n++)
            File.WriteAllText(Path.Combine(_folder, $"2026D6{n:D4}.txt"), Fixtures.V1.Replace("2026D04632", $"2026D6{n:D4}"));
        using var relay = new TcpRelay(TestCluster.Instance.Port);
        var throughRelay = new NpgsqlConnectionStringBuilder(_database) { Port = relay.Port }.ConnectionString;

        var importing = ArchiveCli.Execute(throughRelay, "import", _folder);
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (await Events() < 20 && !importing.IsCompleted && DateTime.UtcNow < deadline) await Task.Delay(50);
        relay.Cut();
        var run = await importing;

        Assert.NotEqual(0, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Errors);
        Assert.DoesNotContain("fail:", run.Errors);
        var last = run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        var line = Regex.Match(last, $@"^import: the database went away \(.+\) after (\d+) of {Files} files \((\d+) imported, 0 rejected\); run the same command again: it resumes where it stopped\.$");
        Assert.True(line.Success, run.Errors);
        Assert.Equal(line.Groups[1].Value, line.Groups[2].Value);
        Assert.InRange(int.Parse(line.Groups[1].Value), 1, Files - 1);

        var again = await ArchiveCli.Execute(_database, "import", _folder);
        Assert.True(again.ExitCode == 0, again.Errors);
        Assert.Equal(Files, await Events());
    }
}
