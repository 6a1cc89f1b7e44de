using Archive.Api.Documents;
using Archive.Api.Infrastructure;
using JasperFx.CommandLine;
using Marten;

namespace Archive.Api.Search;

[Description("Index for search every stored text that is not yet indexed (texts stored before search existed)", Name = "search-index")]
public sealed class SearchIndexCommand : JasperFxAsyncCommand<NetCoreInput>
{
    const int Batch = 100;

    public override Task<bool> Execute(NetCoreInput input) => CommandFaults.Guard("search-index", () => RunAsync(input));

    static async Task<bool> RunAsync(NetCoreInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await SchemaOnce.ApplyAsync(store, CancellationToken.None);
        await TextSlice.EnsureTableAsync(store, CancellationToken.None);
        var schema = store.Options.DatabaseSchemaName;
        var indexed = 0;
        while (true)
        {
            // Texts that have no index yet, a batch per transaction.
            await using var session = store.LightweightSession();
            var hashes = await session.AdvancedSql.QueryAsync<string>(
                $"select distinct t.hash from {schema}.{DocumentText.Table} t where not exists " +
                $"(select 1 from {schema}.{SearchSql.SlicesTable} s where s.hash = t.hash) limit {Batch}", CancellationToken.None);
            if (hashes.Count == 0) break;
            TextSlice.Index(session, hashes);
            await session.SaveChangesAsync();
            indexed += hashes.Count;
        }
        Console.WriteLine($"{indexed} texts indexed for search (those indexed before are left as they were)");
        return true;
    }
}
