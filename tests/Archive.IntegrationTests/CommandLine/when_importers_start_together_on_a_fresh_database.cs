using System.Text.RegularExpressions;
using Archive.IntegrationTests.Infrastructure;
using Npgsql;

namespace Archive.IntegrationTests.CommandLine;

/// <summary>
/// Several importers started at once on a database without a schema: one applies it under
/// Marten's advisory lock, the others wait for it, and all import everything.
/// </summary>
[Collection(ArchiveCollection.Name)]
public class when_importers_start_together_on_a_fresh_database : IDisposable
{
    const int Importers = 6, Documents = 20, Versions = 3;
    readonly string _database = TestCluster.NewDatabase();
    readonly string _folder = Directory.CreateTempSubdirectory("archive-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task every_one_of_them_exits_zero_and_every_file_is_in()
    {
        for (var d = 0; d < Documents; d++)
        for (var v = 1; v <= Versions; v++)
            File.WriteAllText(Path.Combine(_folder, $"2026D5{d:D4}-v{v}.txt"),
                Regex.Replace(Fixtures.V1, "^Nummer: .*$", $"Nummer: 2026D5{d:D4}, datum: 2026-01-30, bijgewerkt: 2026-02-0{v + 1} 09:51, versie: {v}", RegexOptions.Multiline)
                    .Replace("Vastgesteld", $"Vastgesteld (versie {v})"));

        var runs = await Task.WhenAll(Enumerable.Range(0, Importers).Select(_ => ArchiveCli.Execute(_database, "import", _folder)));

        Assert.All(runs, run =>
        {
            Assert.True(run.ExitCode == 0, run.Errors);
            Assert.DoesNotContain("fail:", run.Errors);
            Assert.DoesNotContain("   at ", run.Errors);
        });
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        // Marten's tombstones (stream mt_tombstone: what a failed append leaves so that the sequence has no hole) are not revisions.
        var events = (long)(await new NpgsqlCommand("select count(*) from archive.mt_events where stream_id <> 'mt_tombstone'", connection).ExecuteScalarAsync())!;
        if (events != Documents * Versions)
        {
            // Which stream has more than its versions, and what its events say: the failure names the race.
            var detail = new System.Text.StringBuilder();
            await using var command = new NpgsqlCommand(
                "select stream_id, version, data ->> 'Revision', data ->> 'SourceVersion', left(data ->> 'ContentHash', 8), data ->> 'RecordedAt' from archive.mt_events " +
                "where stream_id in (select stream_id from archive.mt_events group by stream_id having count(*) <> 3) order by stream_id, version", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) detail.AppendLine(string.Join(" ", Enumerable.Range(0, 6).Select(i => reader.IsDBNull(i) ? "-" : reader.GetValue(i).ToString())));
            Assert.Fail($"{events} events, not {Documents * Versions}:\n{detail}\n" + string.Join("\n", runs.Select(r => r.Output)));
        }
    }
}
