using Archive.Api.Transparency;
using Archive.Content.Transparency;
using Archive.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Archive.IntegrationTests.Transparency;

/// <summary>
/// An attacker with the database (and the signing key, which is kept there): after readers saw a
/// checkpoint, they change the first event, rebuild the whole tree from the events as the Archive
/// builds it, let the Archive go on, and have it sign a checkpoint of the rewritten history.
/// </summary>
public sealed class HistoryRewritten : ArchiveHost
{
    public string Before = "", After = "", VerifierKey = "";

    protected override async Task Seed()
    {
        await Import(Fixtures.V1, expect: 201);
        await Import(Fixtures.V2);
        await Import(Fixtures.V1.Replace("2026D04632", "2026D04633"), expect: 201);
        Before = await this.CaughtUpCheckpoint();
        VerifierKey = (await this.Text("/log/key")).Trim();

        await Sql("update archive.mt_events set data = replace(data::text, 'Doen waar Nederland', 'Doen waar Belgie')::jsonb where stream_id = '2026D04632' and version = 1");
        await Sql("truncate archive.log_leaves, archive.log_hashes, archive.log_checkpoints");
        await RebuildTree();
        await Import(Fixtures.V1.Replace("2026D04632", "2026D04634"), expect: 201);
        After = await this.CaughtUpCheckpoint();
    }

    /// <summary>The tree of the events as they now are, computed with the Archive's own code and written where it keeps it.</summary>
    async Task RebuildTree()
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = (await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync()).ToList();
        var records = events.Select(LogRecords.Of).ToList();
        var appended = MerkleTree.Append(0, records.Select(r => r.LeafHash).ToList(), node => throw new InvalidOperationException($"{node}"));
        await Sql("insert into archive.log_leaves (idx, seq, stream, version, revision, data) select i - 1, s, st, v, null, d from unnest($1::bigint[], $2::text[], $3::bigint[], $4::bytea[]) with ordinality as t(s, st, v, d, i)",
            events.Select(e => e.Sequence).ToArray(), events.Select(e => e.StreamKey!).ToArray(), events.Select(e => e.Version).ToArray(), records.Select(r => r.Bytes).ToArray());
        await Sql("insert into archive.log_hashes (level, idx, hash) select * from unnest($1::int[], $2::bigint[], $3::bytea[])",
            appended.Select(a => a.Node.Level).ToArray(), appended.Select(a => a.Node.Index).ToArray(), appended.Select(a => a.Hash).ToArray());
    }

    async Task Sql(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync();
    }
}

[Collection(ArchiveCollection.Name)]
public class when_history_is_rewritten_in_the_database(HistoryRewritten archive) : IClassFixture<HistoryRewritten>
{
    [Fact]
    public async Task the_independent_verifier_rejects_the_consistency_of_the_new_checkpoint_with_the_old()
    {
        var (before, after) = (LogHelpers.Body(archive.Before), LogHelpers.Body(archive.After));
        Assert.True(after.Size > before.Size);
        var proof = await archive.GetJson($"/log/consistency?from={before.Size}&to={after.Size}");
        var (code, lines) = GoVerifier.Check(archive.VerifierKey, archive.After,
            [GoVerifier.Consistency(before.Size, before.Root, proof["proof"]!.AsArray().Select(h => (string)h!))]);
        Assert.Equal(0, code);
        Assert.Equal($"checkpoint ok {after.Size}", lines[0]);
        Assert.StartsWith("fail", lines[1]);
    }

    [Fact]
    public async Task the_rewritten_tree_is_consistent_only_with_itself()
    {
        var after = LogHelpers.Body(archive.After);
        var proof = await archive.GetJson($"/log/consistency?from=3&to={after.Size}");
        var (code, lines) = GoVerifier.Check(archive.VerifierKey, archive.After,
            [GoVerifier.Consistency(3, Convert.FromBase64String((string)proof["fromRoot"]!), proof["proof"]!.AsArray().Select(h => (string)h!))]);
        Assert.Equal((0, "ok"), (code, lines[1]));
        Assert.NotEqual(LogHelpers.Body(archive.Before).Root, Convert.FromBase64String((string)proof["fromRoot"]!));
    }
}
