using System.Text.Json.Nodes;
using Archive.IntegrationTests.CommandLine;
using Archive.IntegrationTests.Infrastructure;
using Npgsql;

namespace Archive.IntegrationTests.Audit;

/// <summary>Four documents of two revisions each; three are then changed directly in PostgreSQL.</summary>
public sealed class FourDocumentsThreeTamperedWith : ArchiveHost
{
    public const string Intact = "2026D10001", ChangedEvent = "2026D10002", ChangedText = "2026D10003", DeletedEvent = "2026D10004";

    protected override async Task Seed()
    {
        foreach (var number in new[] { Intact, ChangedEvent, ChangedText, DeletedEvent })
        {
            var v1 = Fixtures.V1.Replace("2026D04632", number);
            await Import(number == ChangedText ? v1.Replace("parters", "parters " + number) : v1, expect: 201);
            await Import(Fixtures.V2.Replace("2026D04632", number));
        }
        await Post($"/api/documents/{Intact}/withdrawal", new { sourceUpdatedAt = "2026-03-01T00:00:00Z" });
        var textHash = (string)(await GetJson($"/api/documents/{ChangedText}/revisions/1"))["revision"]!["contentHash"]!;

        await Sql($"update archive.mt_events set data = replace(data::text, 'Doen waar Nederland', 'Doen waar Belgie')::jsonb where stream_id = '{ChangedEvent}' and version = 1");
        await Sql($"update archive.texts set text = replace(text, 'parters {ChangedText}', 'partners') where hash = '{textHash}' and strpos(text, 'parters {ChangedText}') > 0");
        await Sql($"delete from archive.mt_events where stream_id = '{DeletedEvent}' and version = 1");
    }

    async Task Sql(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        Assert.Equal(1, await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync());
    }
}

[Collection(ArchiveCollection.Name)]
public class when_verifying_a_document_that_was_tampered_with(FourDocumentsThreeTamperedWith archive) : IClassFixture<FourDocumentsThreeTamperedWith>
{
    async Task<(bool Intact, List<string> Problems)> Verify(string number)
    {
        var report = await archive.GetJson($"/api/documents/{number}/verify");
        return ((bool)report["intact"]!, report["problems"]!.AsArray().Select(p => (string)p!["what"]!).ToList());
    }

    [Fact]
    public async Task an_untouched_document_with_a_withdrawal_is_intact()
    {
        var (intact, problems) = await Verify(FourDocumentsThreeTamperedWith.Intact);
        Assert.Empty(problems);
        Assert.True(intact);
    }

    [Fact]
    public async Task a_changed_event_payload_breaks_the_link_to_the_next_event_and_its_recorded_hash()
    {
        var (intact, problems) = await Verify(FourDocumentsThreeTamperedWith.ChangedEvent);
        Assert.False(intact);
        Assert.Contains(problems, p => p.StartsWith("event 1 (revision 1) has been changed since it was recorded"));
        Assert.Contains(problems, p => p.StartsWith("event 2 links to "));
    }

    [Fact]
    public async Task a_changed_text_row_no_longer_matches_its_hash()
    {
        var (intact, problems) = await Verify(FourDocumentsThreeTamperedWith.ChangedText);
        Assert.False(intact);
        Assert.Equal("the text of revision 1 has been changed", Assert.Single(problems).Split(':')[0]);
    }

    [Fact]
    public async Task a_deleted_event_leaves_a_gap_and_a_broken_link()
    {
        var (intact, problems) = await Verify(FourDocumentsThreeTamperedWith.DeletedEvent);
        Assert.False(intact);
        Assert.Contains("events 1 to 1 are missing from the stream", problems);
        Assert.Contains(problems, p => p.StartsWith("event 2 links to ") && p.EndsWith("but the event before it hashes to nothing"));
        Assert.Contains("the history recorded 2 revisions, but the stream holds 1", problems);
    }

    [Fact]
    public async Task an_unknown_document_is_a_404() => await archive.GetJson("/api/documents/2026D99999/verify", 404);

    [Fact]
    public async Task the_cli_names_every_mismatch_and_exits_non_zero()
    {
        var run = await ArchiveCli.Execute(archive.ConnectionString, "verify");
        Assert.NotEqual(0, run.ExitCode);
        Assert.True(run.Output.Contains($"{FourDocumentsThreeTamperedWith.Intact}: intact (3 events, head "), run.Output + run.Errors);
        Assert.Contains($"{FourDocumentsThreeTamperedWith.ChangedText}: the text of revision 1 has been changed", run.Output);
        Assert.Contains("4 documents verified, 3 with mismatches", run.Output);
        var one = await ArchiveCli.Execute(archive.ConnectionString, "verify", FourDocumentsThreeTamperedWith.Intact);
        Assert.Equal(0, one.ExitCode);
    }
}
