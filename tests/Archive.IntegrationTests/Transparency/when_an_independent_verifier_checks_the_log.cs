using System.Text;
using Archive.Api.Transparency;
using Archive.Content.Transparency;
using Archive.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Archive.IntegrationTests.Transparency;

/// <summary>
/// Over ten thousand events: a document's history (two revisions, a withdrawal, a restoration) and
/// another document's revision, imported through the API, then copied 2,500 times in PostgreSQL
/// under new numbers, as the bench does: the log takes them from the event store like any other.
/// </summary>
public sealed class TenThousandEventsLogged : ArchiveHost
{
    public string Checkpoint = "", VerifierKey = "";
    public List<byte[]> Records = [];

    protected override async Task Seed()
    {
        await Import(Fixtures.V1, expect: 201);
        await Import(Fixtures.V2);
        await Post("/api/documents/2026D04632/withdrawal", new { sourceUpdatedAt = "2026-03-01T00:00:00Z" });
        await Import(Fixtures.V1.Replace("2026D04632", "2026D04633"), expect: 201);
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var copy = new NpgsqlCommand("""
                insert into archive.mt_streams (id, type, version, timestamp, created, tenant_id)
                  select s.id || 'x' || k, s.type, s.version, s.timestamp, s.created, s.tenant_id from archive.mt_streams s, generate_series(1, 2500) k;
                insert into archive.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived)
                  select nextval('archive.mt_events_sequence'), gen_random_uuid(), e.stream_id || 'x' || k, e.version,
                         replace(e.data::text, '"DocumentNumber": "' || e.stream_id || '"', '"DocumentNumber": "' || e.stream_id || 'x' || k || '"')::jsonb,
                         e.type, e.timestamp, e.tenant_id, e.mt_dotnet_type, e.is_archived
                  from (select * from archive.mt_events order by seq_id) e, generate_series(1, 2500) k;
                """, connection);
            await copy.ExecuteNonQueryAsync();
        }
        Checkpoint = await this.CaughtUpCheckpoint(timeoutSeconds: 240);
        VerifierKey = (await this.Text("/log/key")).Trim();
        Records = await this.Records(LogHelpers.Body(Checkpoint).Size);
    }
}

[Collection(ArchiveCollection.Name)]
public class when_an_independent_verifier_checks_the_log(TenThousandEventsLogged archive) : IClassFixture<TenThousandEventsLogged>
{
    Checkpoint Signed => LogHelpers.Body(archive.Checkpoint);

    async Task<string> InclusionCheck(long index)
    {
        var proof = await archive.GetJson($"/log/proof?index={index}");
        Assert.Equal(Signed.Size, (long)proof["treeSize"]!);
        return GoVerifier.Inclusion(index, Encoding.UTF8.GetBytes((string)proof["record"]!), proof["proof"]!.AsArray().Select(h => (string)h!));
    }

    /// <summary>The root of the first <paramref name="size"/> leaves, computed here from the records alone, as RFC 6962 defines it.</summary>
    byte[] RootOf(long size) => Mth(archive.Records.Take((int)size).Select(r => MerkleTree.LeafHash(r)).ToArray());

    static byte[] Mth(ReadOnlySpan<byte[]> leaves)
    {
        if (leaves.Length == 1) return leaves[0];
        var k = 1;
        while (k * 2 < leaves.Length) k *= 2;
        return MerkleTree.NodeHash(Mth(leaves[..k]), Mth(leaves[k..]));
    }

    [Fact]
    public async Task it_accepts_a_thousand_inclusion_proofs_and_a_hundred_consistency_proofs()
    {
        Assert.True(Signed.Size >= 10_000, $"the log has {Signed.Size} leaves");
        Assert.Equal(Signed.Size, archive.Records.Count);
        var random = new Random(15);
        var checks = new List<string>();
        foreach (var index in Enumerable.Range(0, 1_000).Select(_ => random.NextInt64(Signed.Size)))
            checks.Add(await InclusionCheck(index));
        foreach (var older in Enumerable.Range(0, 100).Select(_ => random.NextInt64(1, Signed.Size + 1)))
        {
            var proof = await archive.GetJson($"/log/consistency?from={older}&to={Signed.Size}");
            checks.Add(GoVerifier.Consistency(older, RootOf(older), proof["proof"]!.AsArray().Select(h => (string)h!)));
        }

        var (code, lines) = GoVerifier.Check(archive.VerifierKey, archive.Checkpoint, checks);
        Assert.Equal(0, code);
        Assert.Equal($"checkpoint ok {Signed.Size}", lines[0]);
        Assert.Equal(1_100, lines.Count(l => l == "ok"));
        Assert.Equal(1_101, lines.Count);
    }

    [Fact]
    public void the_checkpoint_is_the_root_of_every_record()
    {
        Assert.Equal(RootOf(Signed.Size), Signed.Root);
        var kinds = archive.Records.Select(r => LogRecord.Parse(r)!.Type).Distinct().Order();
        Assert.Equal(["document_withdrawn", "revision_imported"], kinds);
    }

    [Fact]
    public void it_rejects_a_checkpoint_signed_by_another_key()
    {
        var other = NoteSigner.Generate(Signed.Origin);
        var forged = other.Sign(Signed.Text);
        var (code, lines) = GoVerifier.Check(archive.VerifierKey, forged, []);
        Assert.Equal(1, code);
        Assert.StartsWith("checkpoint rejected", lines[0]);
        (code, _) = GoVerifier.Check(other.VerifierKey, archive.Checkpoint, []);
        Assert.Equal(1, code);
    }

    [Fact]
    public async Task it_rejects_a_proof_for_a_changed_record()
    {
        var leaf = archive.Records.FindIndex(r => LogRecord.Parse(r) is { Stream: "2026D04632x7", Version: 2 });
        var proof = await archive.GetJson($"/log/proof?index={leaf}");
        var record = (string)proof["record"]!;
        var index = (long)proof["leafIndex"]!;
        var hashes = proof["proof"]!.AsArray().Select(h => (string)h!).ToList();
        var changed = record.Replace("version 2", "version 3");
        Assert.NotEqual(record, changed);
        var (code, lines) = GoVerifier.Check(archive.VerifierKey, archive.Checkpoint,
            [GoVerifier.Inclusion(index, Encoding.UTF8.GetBytes(record), hashes), GoVerifier.Inclusion(index, Encoding.UTF8.GetBytes(changed), hashes),
             GoVerifier.Inclusion(index + 1, Encoding.UTF8.GetBytes(record), hashes)]);
        Assert.Equal(0, code);
        Assert.Equal("ok", lines[1]);
        Assert.StartsWith("fail", lines[2]);
        Assert.StartsWith("fail", lines[3]);
    }
}
