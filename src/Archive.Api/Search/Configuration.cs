using Archive.Api.Documents.TimeTravel;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Archive.Api.Search;

public static class Configuration
{
    /// <summary>
    /// Texts are indexed once per content hash, titles once per revision; which revision of a
    /// document stands (now or at T) is decided when searching, so one index serves both.
    /// </summary>
    public static void ConfigureSearch(this StoreOptions opts)
    {
        // Each part of a text keeps its tsvector in a real column: ranking and checking matches then
        // read it instead of parsing the text again for every row that matched.
        var slices = new Table(new PostgresqlObjectName(opts.DatabaseSchemaName, SearchSql.SlicesTable, SchemaUtils.IdentifierUsage.General));
        slices.AddColumn<string>("hash").AsPrimaryKey();
        slices.AddColumn<int>("index").AsPrimaryKey();
        slices.AddColumn("vector", "tsvector").NotNull();
        slices.Indexes.Add(new IndexDefinition($"{SearchSql.SlicesTable}_vector") { Columns = ["vector"], Method = IndexMethod.gin });
        opts.Storage.ExtendedSchemaObjects.Add(slices);
        opts.Listeners.Add(new TextSliceListener());

        // Title and subject together, either of them possibly missing.
        opts.Schema.For<RevisionRecord>().Duplicate(x => x.ContentHash)
            .FullTextIndex(SearchSql.Config, index => index.DocumentConfig = SearchSql.TitleText);
    }
}
