using Archive.Api.Importing.Syncing;
using Archive.Api.Importing.Syncing.Gaps;
using Archive.IntegrationTests.Infrastructure;
using Archive.IntegrationTests.Syncing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.IntegrationTests.HostileInput;

/// <summary>
/// The SyncFeed is input too: a document entity whose number, version or time cannot be one is a
/// gap with its reason (never a revision, never a crash), and the sync goes on with the rest.
/// </summary>
[Collection(ArchiveCollection.Name)]
public class when_the_portal_sends_hostile_values(ArchiveHost archive) : IClassFixture<ArchiveHost>
{
    public static TheoryData<string, string, string> Values() => new()
    {
        { "<documentNummer>2026D04632</documentNummer>", @"<documentNummer>..\..\evil</documentNummer>", GapReasons.InvalidValue },
        { "<documentNummer>2026D04632</documentNummer>", "<documentNummer>2026D04632&#xD;&#xA;Link: x</documentNummer>", GapReasons.InvalidValue },
        { "<documentNummer>2026D04632</documentNummer>", $"<documentNummer>{new string('1', 10_000)}</documentNummer>", GapReasons.InvalidValue },
        { "<documentNummer>2026D04632</documentNummer>", "<documentNummer>2026Dé4632</documentNummer>", GapReasons.InvalidValue },
        { "<documentNummer>2026D04632</documentNummer>", "<documentNummer></documentNummer>", GapReasons.NoNumber },
        { "<titel>", "<titel>" + new string('x', 1_400_000), GapReasons.InvalidValue },
    };

    [Theory, MemberData(nameof(Values))]
    public async Task the_document_is_a_gap_with_its_reason_and_the_sync_goes_on(string what, string with, string reason)
    {
        await Forget();
        await using var mirror = await PortalMirror.StartAsync();
        mirror.RewritePage = page => page.Replace(what, with);
        var sync = archive.Host.Services.GetRequiredService<OdpSync>();
        var report = await sync.RunAsync(FeedSource.For(mirror.BaseUrl, archive.Host.Services.GetRequiredService<IHttpClientFactory>()), null, CancellationToken.None);

        Assert.True(report.Succeeded, report.Problem);
        Assert.Equal(0, report.Sum(p => p.Created + p.Revised));
        Assert.Equal(0, await archive.EventCount());
        await using var session = archive.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var gaps = await session.Query<SyncGap>().ToListAsync();
        Assert.Contains(gaps, g => g.Reason == reason);
        Assert.All(gaps, g => Assert.True(g.Detail.Length < 1_000, g.Detail[..Math.Min(200, g.Detail.Length)]));
    }

    async Task Forget()
    {
        await using var session = archive.Host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.DeleteWhere<SyncCheckpoint>(_ => true);
        session.DeleteWhere<SyncGap>(_ => true);
        await session.SaveChangesAsync();
    }
}
