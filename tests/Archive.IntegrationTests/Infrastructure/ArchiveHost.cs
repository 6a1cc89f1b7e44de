using System.Net.Http.Headers;
using Alba;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Archive.IntegrationTests.Infrastructure;

/// <summary>The Archive, in process, on a fresh database of the test cluster.</summary>
public class ArchiveHost : IAsyncLifetime
{
    public const string ApiKey = "test-api-key";
    public const long MaxBodyBytes = 200_000;
    public const int AnyStatus = 0;
    /// <summary>The public base URL the test hosts are configured with: links are built from it, never from the Host header.</summary>
    public const string PublicBaseUrl = "http://localhost";

    public IAlbaHost Host { get; private set; } = null!;
    public string ConnectionString { get; } = TestCluster.NewDatabase();

    public async Task InitializeAsync()
    {
        Host = await AlbaHost.For<Program>(x =>
        {
            x.UseEnvironment("Development");
            x.UseSetting("ConnectionStrings:Archive", ConnectionString);
            x.UseSetting("Archive:ApiKey", ApiKey);
            x.UseSetting("Archive:Imports:MaxBodyBytes", MaxBodyBytes.ToString());
            x.UseSetting("Archive:PublicBaseUrl", PublicBaseUrl);
            Configure(x);
            x.ConfigureServices(s =>
            {
                s.RunWolverineInSoloMode();
                if (!UsesBroker) s.DisableAllExternalWolverineTransports();
            });
        });
        await Seed();
    }

    /// <summary>Whether this host talks to a real message broker (otherwise Wolverine's external transports are off).</summary>
    protected virtual bool UsesBroker => false;

    /// <summary>Settings of a test class's own.</summary>
    protected virtual void Configure(IWebHostBuilder builder) { }

    /// <summary>Start state for a test class, built through the public API.</summary>
    protected virtual Task Seed() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Host.DisposeAsync();

    public async Task<long> EventCount()
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    public async Task<System.Text.Json.Nodes.JsonNode> GetJson(string url, int expect = 200) =>
        await (await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(expect);
        })).ReadJson();

    public async Task<int> TextCount()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(Marten.Storage.StorageFeatures));
        await using var session = store.QuerySession();
        return (int)(await session.AdvancedSql.QueryAsync<long>("select count(distinct hash) from archive.texts", CancellationToken.None))[0];
    }

    public Task<IScenarioResult> Post(string url, object body, int expect = 200) =>
        Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.WithRequestHeader("Authorization", $"Bearer {ApiKey}");
            s.StatusCodeShouldBe(expect);
        });

    /// <summary>Posts bytes to /api/imports with the API key.</summary>
    public Task<IScenarioResult> Import(byte[] body, string contentType = "text/plain", int expect = 200) =>
        Host.Scenario(s =>
        {
            s.Post.ByteArray(body).ToUrl("/api/imports");
            s.WithRequestHeader("Content-Type", contentType);
            s.WithRequestHeader("Authorization", $"Bearer {ApiKey}");
            if (expect == AnyStatus) s.IgnoreStatusCode();
            else s.StatusCodeShouldBe(expect);
        });

    public Task<IScenarioResult> Import(string page, int expect = 200) => Import(System.Text.Encoding.UTF8.GetBytes(page), "text/plain", expect);

    public async Task<IScenarioResult> ImportFiles(int expect, params (string Name, byte[] Bytes)[] files)
    {
        using var content = new MultipartFormDataContent("test-boundary");
        foreach (var (name, bytes) in files)
            content.Add(new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "files", name);
        return await Import(await content.ReadAsByteArrayAsync(), content.Headers.ContentType!.ToString(), expect);
    }
}
