using Archive.Api.Originals;
using Archive.Api.Documents;
using Archive.Api.Documents.Recording;
using Archive.Api.Importing;
using Archive.Content.OpenTk;
using Archive.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Runtime;

namespace Archive.IntegrationTests.CommandLine;

public sealed class ImportsWithTheirLogCaptured : ArchiveHost
{
    public LogCapture Log { get; } = new();

    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<ILoggerProvider>(Log);
            s.AddLogging(l => l.AddFilter<LogCapture>("Marten", LogLevel.Debug));
        });

    public IReadOnlyList<LogCapture.Entry> MartenFailures(LogLevel level) =>
        Log.Entries.Where(e => e.Category == typeof(IDocumentStore).FullName && e.Exception is not null && e.Level == level).ToList();
}

/// <summary>
/// Two writers appending to one document at once: the loser's append fails its version check and
/// the importer decides again. Marten logs the failed command; an operator reading the log at its
/// usual level must not see an expected, retried conflict as a failure.
/// </summary>
[Collection(ArchiveCollection.Name)]
public class when_writers_conflict_on_one_document(ImportsWithTheirLogCaptured archive) : IClassFixture<ImportsWithTheirLogCaptured>
{
    static ImportRevision Command(string page) =>
        OpenTkPages.Command(OpenTkPageParser.Parse(page).Value!, new Provenance("opentk-page", "test", null, "hash", 1, "text/plain", OpenTkPages.ImporterVersion));

    [Fact]
    public async Task the_conflict_is_logged_at_debug_and_nothing_at_error()
    {
        var (store, importer) = (archive.Host.Services.GetRequiredService<IDocumentStore>(), new MessageBus(archive.Host.Services.GetRequiredService<IWolverineRuntime>()));
        var page = Fixtures.V1.Replace("2026D04632", "2026D07001");

        // A writer that read the stream before another import committed: its append conflicts, every time.
        await using var late = store.LightweightSession();
        var stream = await late.Events.FetchForWriting<Document>("2026D07001");
        Assert.Equal(ImportOutcome.Created, (await importer.ImportAsync(Command(page), "first", CancellationToken.None)).Outcome);
        await RevisionImporter.StageAsync(late, archive.Host.Services.GetRequiredService<OriginalStores>(), stream, Command(page), DateTimeOffset.UtcNow, CancellationToken.None);
        await Assert.ThrowsAnyAsync<Exception>(() => late.SaveChangesAsync());

        // And the importer itself, many at once on one new document: every conflict retried, all succeed.
        var pages = Enumerable.Range(0, 8).Select(_ => Fixtures.V2.Replace("2026D04632", "2026D07002"));
        var results = await Task.WhenAll(pages.Select(p => importer.ImportAsync(Command(p), "racing", CancellationToken.None)));
        Assert.Equal(1, results.Count(r => r.Outcome == ImportOutcome.Created));

        Assert.NotEmpty(archive.MartenFailures(LogLevel.Debug));
        Assert.Empty(archive.MartenFailures(LogLevel.Error));
    }
}
