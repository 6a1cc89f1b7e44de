using System.Net.Sockets;
using Archive.Api.Documents.Recording;
using Archive.Api.Importing;
using Archive.Api.Infrastructure;
using Npgsql;

namespace Archive.Tests.Documents;

/// <summary>Which faults an operator should read as one line (or not at all), and what that line says.</summary>
public class when_a_fault_is_expected
{
    static PostgresException Postgres(string sqlState, string message = "message", string? constraint = null) =>
        new(message, "ERROR", "ERROR", sqlState, constraintName: constraint);

    static ImportResult Result(ImportOutcome outcome) => new("2026D04632", outcome, 1, true, "file.txt", null);

    [Fact]
    public void a_connection_that_fails_or_a_server_that_shuts_down_or_is_gone_is_a_lost_database()
    {
        Assert.True(ImportFaults.IsDatabaseLost(new NpgsqlException("Failed to connect to 127.0.0.1:1", new SocketException(111))));
        Assert.True(ImportFaults.IsDatabaseLost(new InvalidOperationException("wrapped", Postgres("57P01"))));
        Assert.All(new[] { "57P03", "08006", "3D000", "53300", "28P01" }, s => Assert.True(ImportFaults.IsDatabaseLost(Postgres(s)), s));
        Assert.False(ImportFaults.IsDatabaseLost(Postgres("23505")));
        Assert.False(ImportFaults.IsDatabaseLost(new FormatException()));
    }

    [Fact]
    public void only_a_clash_on_a_streams_version_is_a_conflict()
    {
        Assert.True(MartenLog.IsConflict(Postgres("MT003", "Stream version mismatch on '2026D04632': expected 0, actual 1")));
        Assert.True(MartenLog.IsConflict(Postgres("23505", constraint: "pk_mt_events_stream_and_version")));
        Assert.True(MartenLog.IsConflict(new InvalidOperationException("wrapped", Postgres("23505", constraint: "pkey_mt_streams_id"))));
        Assert.False(MartenLog.IsConflict(Postgres("23505", constraint: "pkey_mt_doc_subscription_id")));
        Assert.False(MartenLog.IsConflict(Postgres("57P01")));
    }

    [Fact]
    public void a_database_that_cannot_be_reached_at_all_is_one_line_saying_nothing_was_imported()
    {
        var line = ImportCommand.DatabaseLost(456, [], new NpgsqlException("Failed to connect to 127.0.0.1:1", new SocketException(111)));
        Assert.Equal("import: the database cannot be reached (Failed to connect to 127.0.0.1:1: Connection refused); none of the 456 files was imported. " +
                     "Run the same command again when it is back.", line);
    }

    [Fact]
    public void a_database_lost_midway_is_one_line_with_how_far_it_got_and_that_a_rerun_resumes()
    {
        var done = Enumerable.Repeat(ImportOutcome.Created, 100).Concat(Enumerable.Repeat(ImportOutcome.Revised, 20))
            .Concat(Enumerable.Repeat(ImportOutcome.Unchanged, 5)).Concat(Enumerable.Repeat(ImportOutcome.Rejected, 3)).Select(Result).ToList();
        var line = ImportCommand.DatabaseLost(456, done, new InvalidOperationException("Marten Command Failure", Postgres("57P01", "terminating connection due to administrator command")));
        Assert.Equal("import: the database went away (57P01: terminating connection due to administrator command) after 128 of 456 files " +
                     "(120 imported, 5 unchanged, 3 rejected); run the same command again: it resumes where it stopped.", line);
        Assert.DoesNotContain('\n', line);
    }
}
