using Alba;
using Archive.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Weasel.Core.Migrations;
using Wolverine;
using Wolverine.Persistence.Durability;

namespace Archive.IntegrationTests.Schema;

/// <summary>
/// Production creates no schema by itself. A database made only from migrations/ must match the
/// model exactly: when the model changes, this fails until `db-patch` has written the new migration.
/// </summary>
[Collection(ArchiveCollection.Name)]
public class when_the_schema_comes_from_migrations : IAsyncLifetime
{
    readonly string _connectionString = TestCluster.NewDatabase();
    IAlbaHost _host = null!;

    public async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        foreach (var file in Migrations())
            await new NpgsqlCommand(await File.ReadAllTextAsync(file), connection).ExecuteNonQueryAsync();

        _host = await AlbaHost.For<Program>(x =>
        {
            x.UseEnvironment("Production");
            x.UseSetting("ConnectionStrings:Archive", _connectionString);
            x.UseSetting("Archive:ApiKey", ArchiveHost.ApiKey);
            x.ConfigureServices(s => { s.RunWolverineInSoloMode(); s.DisableAllExternalWolverineTransports(); });
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    static IEnumerable<string> Migrations() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "migrations"), "*.sql")
            .Where(f => !f.EndsWith(".drop.sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void there_are_migrations() => Assert.NotEmpty(Migrations());

    [Fact]
    public async Task the_event_store_and_documents_match_the_model() =>
        await _host.Services.GetRequiredService<IDocumentStore>().Storage.Database.AssertDatabaseMatchesConfigurationAsync();

    [Fact]
    public async Task the_message_storage_matches_the_model()
    {
        var store = _host.Services.GetRequiredService<IMessageStore>();
        var database = Assert.IsAssignableFrom<IDatabase>(store);
        await database.AssertDatabaseMatchesConfigurationAsync();
    }

    /// <summary>The test cluster's binaries (Debian's) have LZ4, so the hand-written migration sets it, and the model still matches.</summary>
    [Fact]
    public async Task texts_and_search_vectors_are_compressed_with_lz4()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        var compression = await new NpgsqlCommand(
            "select string_agg(attrelid::regclass || '.' || attname || '=' || attcompression::text, ' ' order by attrelid::regclass::text) from pg_attribute " +
            "where (attrelid = 'archive.texts'::regclass and attname = 'text') or (attrelid = 'archive.search_slices'::regclass and attname = 'vector')", connection).ExecuteScalarAsync();
        Assert.Equal("archive.search_slices.vector=l archive.texts.text=l", compression);
    }

    [Fact]
    public async Task the_archive_imports_on_it() =>
        await _host.Scenario(s =>
        {
            s.Post.Text(Fixtures.V1).ToUrl("/api/imports");
            s.WithRequestHeader("Authorization", $"Bearer {ArchiveHost.ApiKey}");
            s.StatusCodeShouldBe(201);
        });
}
