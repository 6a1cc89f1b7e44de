using JasperFx.CommandLine;
using Microsoft.Extensions.Options;

namespace Archive.Api.Importing.Syncing;

public sealed class SyncInput : NetCoreInput
{
    [Description("The SyncFeed's base URL (…/SyncFeed/2.0) or a folder of saved pages; Archive:Sync:BaseUrl when left out")]
    public string? Source { get; set; }
}

[Description("Sync the Tweede Kamer Open Data Portal (or a folder of saved SyncFeed pages) from the last checkpoint", Name = "sync")]
public sealed class SyncCommand : JasperFxAsyncCommand<SyncInput>
{
    public SyncCommand()
    {
        Usage("Sync from Archive:Sync:BaseUrl");
        Usage("Sync from a URL or a folder; 'sync status' tells where each category stands instead").Arguments(x => x.Source!);
    }

    public override async Task<bool> Execute(SyncInput input)
    {
        using var host = input.BuildHost();
        if (input.Source == "status") return await PrintStatusAsync(host);
        var settings = host.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value.Sync;
        var source = FeedSource.For(input.Source ?? settings.BaseUrl, host.Services.GetRequiredService<IHttpClientFactory>(), settings);
        var started = System.Diagnostics.Stopwatch.StartNew();
        SyncReport report;
        try
        {
            report = await host.Services.GetRequiredService<OdpSync>().RunAsync(source, p => Console.Error.WriteLine($"{p.Category} {p.Page}: {p.Entries} entries in {p.Milliseconds} ms; {Counts(p)}"),
                CancellationToken.None);
        }
        catch (Exception e) when (Expected(e))
        {
            Console.Error.WriteLine($"sync stopped: {OneLine(e.Message)}");
            return false;
        }
        var totals = report.Pages.Append(report.Retries).OfType<SyncProgress>().Aggregate(new SyncProgress("", "", 0, 0, 0, 0, 0, 0), SyncProgress.Add);
        Console.WriteLine($"{report.Pages.Count} pages, {report.Sum(p => p.Entries)} entries in {started.Elapsed.TotalSeconds:F1} s: {Counts(totals)}");
        foreach (var stuck in report.Stuck) Console.Error.WriteLine($"sync stopped: {OneLine(stuck.Problem)}");
        return report.Succeeded;
    }

    /// <summary>What the network, the portal or a folder can do to a sync: said in a line, not a stack trace.</summary>
    static bool Expected(Exception e) =>
        e is HttpRequestException or IOException or TimeoutException or TaskCanceledException or System.Net.Sockets.SocketException
            or Polly.ExecutionRejectedException or UnauthorizedAccessException;

    static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    static string Counts(SyncProgress p) =>
        $"{p.Created} created, {p.Revised} revised, {p.Unchanged} unchanged, {p.Withdrawn} withdrawn, {p.Remembered} tombstones remembered, " +
        $"{p.GapsOpened} gaps opened, {p.GapsClosed} gaps closed, {p.Resent} sent again unchanged, {p.Downloads} files downloaded";

    static async Task<bool> PrintStatusAsync(IHost host)
    {
        await using var session = host.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        var status = await SyncStatus.ReadAsync(session, host.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value.Sync, CancellationToken.None);
        foreach (var c in status.Categories)
            Console.WriteLine($"{c.Category}\t{(c.Checkpoint is null ? "not synced yet" : $"at {c.Checkpoint}")}\t{c.Entries} entries\t" +
                              $"last entry {Time(c.LastEntryAt)}\tlast page {Time(c.LastPageAt)}\t{c.OpenGaps} open gaps" +
                              (c.Problem is null ? "" : $"\tSTOPPED {Time(c.ProblemAt)}: {c.Problem}"));
        var s = status.Schedule;
        Console.WriteLine(s.Enabled
            ? $"scheduled sync every {s.IntervalMinutes} min: {(s.Running ? "running" : "idle")}, last succeeded {Time(s.LastSucceededAt)}, next {Time(s.NextRunAt)}" + (s.LastProblem is null ? "" : $", last problem: {s.LastProblem}")
            : "scheduled sync off (Archive:Sync:IntervalMinutes is 0)");
        Console.WriteLine($"{status.OpenGaps} open gaps in all (scripts/archive gaps lists them)");
        return true;
    }

    static string Time(DateTimeOffset? t) => t is { } v ? v.ToString("yyyy-MM-ddTHH:mm:ssZ") : "never";
}
