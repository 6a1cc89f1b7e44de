using Archive.IntegrationTests.CommandLine;
using Archive.IntegrationTests.Infrastructure;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Archive.IntegrationTests.ChangeFeed;

/// <summary>Marten's SQL at Debug into a capture, and no webhook dispatcher (it reads the change feed on a timer of its own).</summary>
public sealed class StreamsWithTheirQueriesCounted : ArchiveHost
{
    public LogCapture Log { get; } = new();

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Archive:Webhooks:Dispatch", "false");
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<ILoggerProvider>(Log);
            s.AddLogging(l => l.AddFilter<LogCapture>("Marten.IDocumentStore", LogLevel.Debug));
            s.AddSingleton<IStartupFilter, TestClientAddress>();
        });
    }

    /// <summary>The queries of the change feed table that Marten has run so far.</summary>
    public int ChangeFeedQueries() =>
        Log.Entries.Count(e => e.Category == typeof(IDocumentStore).FullName && e.Message.Contains("from archive.mt_doc_changerecord"));
}

[Collection(ArchiveCollection.Name)]
public class when_change_streams_are_idle(StreamsWithTheirQueriesCounted archive) : IClassFixture<StreamsWithTheirQueriesCounted>
{
    const int Streams = 20;

    [Fact]
    public async Task they_ask_the_database_nothing_until_a_change_is_written_and_then_all_get_it()
    {
        await archive.Import(Fixtures.V1, expect: 201);
        await archive.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var streams = new List<EventStream>();
        for (var n = 0; n < Streams; n++) streams.Add(await EventStream.Open(archive.Host, $"10.0.2.{n}"));
        var first = await Task.WhenAll(streams.Select(s => s.NextEvent()));

        // Every stream has read the table once; from here on, with nothing written, none may read it again.
        var before = archive.ChangeFeedQueries();
        Assert.True(before >= Streams, $"{before} queries of the change feed seen: the capture does not see the streams' reads");
        await Task.Delay(TimeSpan.FromSeconds(2));   // not a wait for something to happen: an interval in which nothing should
        Assert.Equal(before, archive.ChangeFeedQueries());

        await archive.Import(Fixtures.V2);
        var second = await Task.WhenAll(streams.Select(s => s.NextEvent()));
        Assert.All(second.Zip(first), pair => Assert.True(pair.First > pair.Second));
        foreach (var stream in streams) stream.Dispose();
    }
}
