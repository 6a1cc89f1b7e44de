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
        var indexed = 0;
        string? after = null;
        while (true)
        {
            await using var session = store.LightweightSession();
            var texts = await session.Query<DocumentText>().Where(t => after == null || string.Compare(t.Id, after) > 0)
                .OrderBy(t => t.Id).Take(Batch).ToListAsync();
            if (texts.Count == 0) break;
            foreach (var text in texts) await TextSlice.StoreAsync(session, text.Id, text.Text, CancellationToken.None);   // already indexed: "on conflict do nothing"
            await session.SaveChangesAsync();
            indexed += texts.Count;
            after = texts[^1].Id;
        }
        Console.WriteLine($"{indexed} texts indexed for search (those indexed before are left as they were)");
        return true;
    }
}
