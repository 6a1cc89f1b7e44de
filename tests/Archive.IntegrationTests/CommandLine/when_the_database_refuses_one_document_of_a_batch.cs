using System.Text.RegularExpressions;
using Archive.IntegrationTests.Infrastructure;
using Npgsql;

namespace Archive.IntegrationTests.CommandLine;

/// <summary>
/// The folder import records many documents per transaction; when the database refuses one of
/// them (here a trigger stands in for any refusal of that document's rows), its batch is recorded
/// file by file, and only that file is rejected.
/// </summary>
[Collection(ArchiveCollection.Name)]
public class when_the_database_refuses_one_document_of_a_batch : IDisposable
{
    readonly string _database = TestCluster.NewDatabase();
    readonly string _folder = Directory.CreateTempSubdirectory("archive-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static int Row(string output, string outcome) => int.Parse(Regex.Match(output, $@"\b{outcome}\b\s*│\s*(\d+)").Groups[1].Value);

    async Task<object?> Sql(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        return await new NpgsqlCommand(sql, connection).ExecuteScalarAsync();
    }

    [Fact]
    public async Task only_that_file_is_rejected_and_the_others_of_its_batch_are_recorded()
    {
        File.WriteAllText(Path.Combine(_folder, "2026D04632-v1.txt"), Fixtures.V1);
        Assert.Equal(0, (await ArchiveCli.Execute(_database, "import", _folder)).ExitCode);   // the schema is there now
        await Sql("""
            create function archive.refuse_for_the_test() returns trigger language plpgsql as
              $$ begin raise exception 'refused for the test'; end $$;
            create trigger refuse_for_the_test before insert on archive.mt_events
              for each row when (new.stream_id = '2026D00013') execute function archive.refuse_for_the_test();
            """);
        for (var i = 1; i <= 40; i++)
            File.WriteAllText(Path.Combine(_folder, $"2026D{i:D5}.txt"), Fixtures.V1.Replace("2026D04632", $"2026D{i:D5}"));

        var run = await ArchiveCli.Execute(_database, "import", _folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal((39, 1, 1), (Row(run.Errors, "created"), Row(run.Errors, "unchanged"), Row(run.Errors, "rejected")));
        Assert.Contains($"rejected {Path.Combine(_folder, "2026D00013.txt")}: it could not be imported (the database refused it: refused for the test)", run.Errors);
        // (Marten fills the sequence numbers a failed transaction had taken with tombstones of its own.)
        Assert.Equal(40L, await Sql("select count(*) from archive.mt_events where stream_id <> 'mt_tombstone'"));
        Assert.Equal(0L, await Sql("select count(*) from archive.mt_streams where id = '2026D00013'"));
    }
}
