using Archive.IntegrationTests.CommandLine;
using Archive.IntegrationTests.Infrastructure;
using Npgsql;

namespace Archive.IntegrationTests.Syncing;

[Collection(ArchiveCollection.Name)]
public sealed class when_syncing_a_hostile_portal_from_the_command_line : IAsyncLifetime
{
    readonly string _database = TestCluster.NewDatabase();
    HostilePortal _portal = null!;
    Elsewhere _elsewhere = null!;

    public async Task InitializeAsync() => (_portal, _elsewhere) = (await HostilePortal.StartAsync(), await Elsewhere.StartAsync());

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _elsewhere.DisposeAsync();
    }

    async Task<ArchiveCli.Run> Sync(params (string Name, string Value)[] settings)
    {
        using var process = ArchiveCli.Start(_database, ["sync", _portal.BaseUrl], settings.ToDictionary(s => s.Name, s => s.Value));
        var (output, errors) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new ArchiveCli.Run(process.ExitCode, await output, await errors);
    }

    static void NoStackTrace(ArchiveCli.Run run)
    {
        var all = run.Output + run.Errors;
        Assert.False(all.Contains("   at ") || all.Contains("Exception"), all);
    }

    async Task<Dictionary<string, string>> GapReasons()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var reader = await new NpgsqlCommand("select data->>'DocumentNumber', data->>'EntityId', reason from archive.mt_doc_syncgap where open", connection).ExecuteReaderAsync();
        var reasons = new Dictionary<string, string>();
        while (await reader.ReadAsync()) reasons[reader.IsDBNull(0) || reader.GetString(0).Length == 0 ? reader.GetString(1) : reader.GetString(0)] = reader.GetString(2);
        return reasons;
    }

    [Fact]
    public async Task files_that_fail_or_lie_elsewhere_are_gaps_and_the_sync_goes_on()
    {
        var closed = Ports.Free();
        var unnumbered = new PortalDocument("");
        _portal.Documents =
        [
            new PortalDocument("2026D90011"),
            new PortalDocument("2026D90012", Enclosure: $"{_elsewhere.Url}/Resources/file.docx"),
            new PortalDocument("2026D90013", FileAnswer.ServerError),
            new PortalDocument("2026D90014", Enclosure: $"http://127.0.0.1:{closed}/Resources/file.docx"),
            new PortalDocument("2026D90015", FileAnswer.MalformedDocx),
            unnumbered,
        ];

        var run = await Sync(("Archive__Sync__AllowedHosts", $"files.example, 127.0.0.1:{closed}"));

        Assert.True(run.ExitCode == 0, run.Errors);
        NoStackTrace(run);
        Assert.Contains("5 created", run.Output);
        Assert.Equal(0, _elsewhere.Hits);
        Assert.Equal(new Dictionary<string, string>
        {
            ["2026D90012"] = "off-host-link",
            ["2026D90013"] = "fetch-failed",
            ["2026D90014"] = "fetch-failed",
            ["2026D90015"] = "unreadable-file",
            [unnumbered.Id.ToString()] = "no-number",
        }, await GapReasons());
    }

    [Fact]
    public async Task a_next_link_to_a_file_is_one_line_and_a_later_run_goes_on()
    {
        _portal.Documents = [new PortalDocument("2026D90021")];
        _portal.Next = "file:///etc/passwd";

        var stopped = await Sync();

        Assert.Equal(1, stopped.ExitCode);
        NoStackTrace(stopped);
        var line = Assert.Single(stopped.Errors.Split('\n'), l => l.StartsWith("sync stopped:", StringComparison.Ordinal));
        Assert.Contains("Document page", line);
        Assert.Contains("its next link is not followed: the link 'file:///etc/passwd' is not an absolute http(s) URL", line);

        _portal.Next = null;
        var later = await Sync();
        Assert.True(later.ExitCode == 0, later.Errors);
        Assert.Contains("1 created", later.Output);
    }
}
