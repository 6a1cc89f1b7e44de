using Archive.IntegrationTests.CommandLine;
using Archive.IntegrationTests.Infrastructure;
using Archive.IntegrationTests.Syncing;
using Npgsql;

namespace Archive.IntegrationTests.Originals;

/// <summary>
/// An archive whose revisions predate kept originals (their rows taken away here): <c>originals recover</c>
/// fetches what the portal serves now and keeps it only when it is the very file the event names.
/// </summary>
[Collection(ArchiveCollection.Name)]
public class when_recovering_originals_captured_before_they_were_kept : IDisposable
{
    const string Known = SavedPages.Known;
    readonly string _database = TestCluster.NewDatabase();
    readonly string _folder = SavedPages.Make("archive-recover-");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static string Fixture(string name) => SavedPages.Fixture(name);

    async Task<long> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        return Convert.ToInt64(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync());
    }

    async Task Forget() => await Scalar("delete from archive.originals; delete from archive.original_parts; select 0");

    [Fact]
    public async Task the_same_file_is_kept_again_and_a_replaced_one_is_reported_lost()
    {
        var sync = await ArchiveCli.Execute(_database, "sync", _folder);
        Assert.True(sync.ExitCode == 0, sync.Errors);
        Assert.Equal(1, await Scalar("select count(*) from archive.originals"));
        await Forget();

        var recovered = await ArchiveCli.Execute(_database, "originals", "recover", "--source", _folder);
        Assert.True(recovered.ExitCode == 0, recovered.Errors);
        Assert.Contains("1 originals recovered; 0 unrecoverable", recovered.Output);
        Assert.Equal(1, await Scalar("select count(*) from archive.originals"));

        // The portal has since replaced the file: what it serves now is not attached to the old revision.
        await Forget();
        File.Copy(Fixture("docx/2026D04632-v2.docx"), Path.Combine(_folder, "Resources", $"{Known}.docx"), overwrite: true);
        var lost = await ArchiveCli.Execute(_database, "originals", "recover", "--source", _folder);
        Assert.True(lost.ExitCode == 0, lost.Errors);
        Assert.Contains("0 originals recovered; 1 unrecoverable", lost.Output);
        Assert.Equal(0, await Scalar("select count(*) from archive.originals"));
    }
}
