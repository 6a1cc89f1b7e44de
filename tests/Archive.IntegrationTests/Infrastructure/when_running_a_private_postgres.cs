using Archive.Api.Infrastructure;
using Npgsql;

namespace Archive.IntegrationTests.Infrastructure;

/// <summary>The CLI joins the cluster that a running Archive started, and leaves it running.</summary>
[Collection(ArchiveCollection.Name)]
public class when_running_a_private_postgres : IDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "archive-private-pg-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    static async Task<bool> Answers(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false;Timeout=3");
            await connection.OpenAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    [Fact]
    public async Task a_second_process_joins_it_and_only_the_first_stops_it()
    {
        var first = PrivatePostgres.StartOrJoin(_folder);
        var second = PrivatePostgres.StartOrJoin(_folder);
        Assert.Equal(first.Port, second.Port);
        Assert.True(await Answers(second.ConnectionString));

        second.Dispose();
        Assert.True(await Answers(first.ConnectionString));

        first.Dispose();
        Assert.False(await Answers(first.ConnectionString));
        Assert.True(File.Exists(Path.Combine(_folder, "data", "PG_VERSION")), "the data is kept for the next run");
    }

    [Fact]
    public async Task it_listens_with_a_password_on_loopback_only()
    {
        using var cluster = PrivatePostgres.StartOrJoin(_folder);
        var wrongPassword = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Password = "wrong" }.ConnectionString;
        Assert.False(await Answers(wrongPassword));
        var config = await File.ReadAllTextAsync(Path.Combine(cluster.Folder, "data", "postmaster.opts"));
        Assert.Contains("listen_addresses=127.0.0.1", config);
    }

    /// <summary>Debian's binaries (which the tests run on) have LZ4: the cluster compresses stored texts with it.</summary>
    [Fact]
    public async Task it_compresses_stored_values_with_lz4()
    {
        using var cluster = PrivatePostgres.StartOrJoin(_folder);
        await using var connection = new NpgsqlConnection(cluster.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        Assert.Equal("lz4", await new NpgsqlCommand("show default_toast_compression", connection).ExecuteScalarAsync());
    }
}
