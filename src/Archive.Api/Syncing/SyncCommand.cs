using JasperFx.CommandLine;
using Microsoft.Extensions.Options;

namespace Archive.Api.Syncing;

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
        Usage("Sync from a URL or a folder").Arguments(x => x.Source!);
    }

    public override async Task<bool> Execute(SyncInput input)
    {
        using var host = input.BuildHost();
        var location = input.Source ?? host.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value.Sync.BaseUrl;
        var source = FeedSource.For(location, host.Services.GetRequiredService<IHttpClientFactory>());
        var started = System.Diagnostics.Stopwatch.StartNew();
        var report = await host.Services.GetRequiredService<OdpSync>().RunAsync(source, p =>
            Console.Error.WriteLine($"{p.Category} {p.Page}: {p.Entries} entries; {p.Created} created, {p.Revised} revised, {p.Unchanged} unchanged, {p.Withdrawn} withdrawn, {p.Remembered} tombstones remembered"),
            CancellationToken.None);
        var entries = report.Sum(p => p.Entries);
        Console.WriteLine($"{report.Pages.Count} pages, {entries} entries in {started.Elapsed.TotalSeconds:F1} s: " +
                          $"{report.Sum(p => p.Created)} created, {report.Sum(p => p.Revised)} revised, {report.Sum(p => p.Unchanged)} unchanged, " +
                          $"{report.Sum(p => p.Withdrawn)} withdrawn, {report.Sum(p => p.Remembered)} tombstones remembered");
        if (report.Problem is not null) Console.Error.WriteLine($"sync stopped: {report.Problem}");
        return report.Succeeded;
    }
}
