using System.Diagnostics;
using System.Net.Http.Headers;
using Archive.Content.Transparency;
using Archive.IntegrationTests.CommandLine;
using Archive.IntegrationTests.Infrastructure;
using Npgsql;

namespace Archive.IntegrationTests.Transparency;

/// <summary>The Archive in its own process on loopback, and a witness in another, which has only its URL.</summary>
public sealed class WitnessedArchive : IAsyncLifetime
{
    const string ApiKey = "witness-test-key";
    Process _server = null!;
    public string ConnectionString { get; } = TestCluster.NewDatabase();
    public Uri BaseUrl { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = ArchiveCli.Start(ConnectionString, ["--urls", "http://127.0.0.1:0"], new() { ["Archive__ApiKey"] = ApiKey });
        BaseUrl = new Uri(await ArchiveCli.ListeningAddress(_server));
        Http = new HttpClient { BaseAddress = BaseUrl, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", ApiKey) } };
    }

    public async Task Import(string page)
    {
        using var response = await Http.PostAsync("/api/imports", new StringContent(page));
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Signs a checkpoint once the log has <paramref name="leaves"/> leaves (the daemon appends within moments).</summary>
    public async Task<Checkpoint> Signed(long leaves)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var response = await Http.PostAsync("/log/checkpoint", null);
            var note = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode && LogHelpers.Body(note) is { } checkpoint && checkpoint.Size >= leaves) return checkpoint;
            await Task.Delay(100);
        }
        throw new TimeoutException($"no checkpoint of {leaves} leaves in 30 s");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        _server.Kill(entireProcessTree: true);
        await _server.WaitForExitAsync();
        _server.Dispose();
    }
}

[Collection(ArchiveCollection.Name)]
public class when_a_witness_follows_the_log(WitnessedArchive archive) : IClassFixture<WitnessedArchive>, IDisposable
{
    readonly string _state = Directory.CreateTempSubdirectory("archive-witness-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    Task<ArchiveCli.Run> Witness(params string[] more) => ArchiveCli.Execute("", ["witness", archive.BaseUrl.ToString(), "--state", _state, .. more]);

    [Fact]
    public async Task it_passes_while_the_log_grows_and_fails_loudly_once_history_is_rewritten()
    {
        await archive.Import(Fixtures.V1);
        await archive.Signed(1);
        var run = await Witness();
        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Contains("trusting the key the Archive serves", run.Output);
        Assert.Contains("first checkpoint seen: 1 leaves", run.Output);

        await archive.Import(Fixtures.V2);
        await archive.Import(Fixtures.V1.Replace("2026D04632", "2026D04633"));
        await archive.Signed(3);
        run = await Witness();
        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Contains("localhost/log: 1 → 3 leaves, consistent with the checkpoint seen before", run.Output.Replace("127.0.0.1", "localhost"));
        run = await Witness();
        Assert.Contains("unchanged at 3 leaves", run.Output);

        await RewriteTheFirstEventAndItsLeaf();
        await archive.Import(Fixtures.V1.Replace("2026D04632", "2026D04634"));
        await archive.Signed(4);
        run = await Witness();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("witness: ALARM: the tree of 4 leaves does not extend the tree of 3 this witness saw: history was rewritten", run.Errors);
        var evidence = Directory.GetFiles(Directory.GetDirectories(_state).Single(), "evidence-*.txt").Single();
        Assert.Equal(2, (await File.ReadAllTextAsync(evidence)).Split("\n----\n").Length);
    }

    [Fact]
    public async Task a_key_other_than_the_one_kept_is_an_alarm_and_a_bad_address_one_line()
    {
        await archive.Import(Fixtures.V1);
        await archive.Signed(1);
        Assert.Equal(0, (await Witness()).ExitCode);
        var run = await Witness("--key", NoteSigner.Generate("localhost/log").VerifierKey);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is not the key this witness kept", run.Errors);

        run = await ArchiveCli.Execute("", ["witness", "ftp://example", "--state", _state]);
        Assert.Equal((1, "witness: 'ftp://example' is not an http(s) address"), (run.ExitCode, run.Errors.Trim()));
        run = await ArchiveCli.Execute("", ["witness", "http://127.0.0.1:9", "--state", _state]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("could not be read", run.Errors);
    }

    /// <summary>
    /// What an attacker with the database does: change the first event, put its new hash in its log
    /// record, and rebuild every stored hash of the tree from the records, so the log is whole again.
    /// </summary>
    async Task RewriteTheFirstEventAndItsLeaf()
    {
        await using var connection = new NpgsqlConnection(archive.ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, "update archive.mt_events set data = replace(data::text, 'Doen waar Nederland', 'Doen waar Belgie')::jsonb where seq_id = (select min(seq_id) from archive.mt_events)");
        var records = new List<byte[]>();
        await using (var read = new NpgsqlCommand("select data from archive.log_leaves order by idx", connection))
        await using (var reader = await read.ExecuteReaderAsync())
            while (await reader.ReadAsync()) records.Add((byte[])reader[0]);
        var first = LogRecord.Parse(records[0])!;
        records[0] = (first with { EventSha256 = new string('0', 64) }).Bytes;
        var hashes = MerkleTree.Append(0, records.Select(r => MerkleTree.LeafHash(r)).ToList(), n => throw new InvalidOperationException($"{n}"));
        await Execute(connection, "update archive.log_leaves set data = $1 where idx = 0", records[0]);
        await Execute(connection, "truncate archive.log_hashes, archive.log_checkpoints");
        await Execute(connection, "insert into archive.log_hashes (level, idx, hash) select * from unnest($1::int[], $2::bigint[], $3::bytea[])",
            hashes.Select(h => h.Node.Level).ToArray(), hashes.Select(h => h.Node.Index).ToArray(), hashes.Select(h => h.Hash).ToArray());
    }

    static async Task Execute(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync();
    }
}
