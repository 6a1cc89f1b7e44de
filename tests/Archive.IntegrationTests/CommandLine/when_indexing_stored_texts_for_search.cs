using Archive.IntegrationTests.Infrastructure;
using Npgsql;

namespace Archive.IntegrationTests.CommandLine;

/// <summary>
/// A database whose texts were stored before the search index existed: search-index fills it in, and
/// a second run changes nothing. An import folds accents in .NET and search-index in PostgreSQL: the
/// vectors they make are the same.
/// </summary>
[Collection(ArchiveCollection.Name)]
public class when_indexing_stored_texts_for_search : IDisposable
{
    readonly string _database = TestCluster.NewDatabase();
    readonly string _folder = Directory.CreateTempSubdirectory("archive-index-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    async Task<long> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        return Convert.ToInt64(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync());
    }

    const string Matching = "select count(distinct hash) from archive.search_slices where vector @@ to_tsquery('simple', 'mercosur')";

    [Fact]
    public async Task texts_without_slices_get_them_and_indexed_ones_are_left_alone()
    {
        File.WriteAllText(Path.Combine(_folder, "2026D04632-v1.txt"), Fixtures.V1);
        File.WriteAllText(Path.Combine(_folder, "2026D04632-v2.txt"), Fixtures.V2 + "\n\nÆrø, Curaçao, São Paulo, naïef, één café, ﬁnanciën, Łódź, Škoda, Ελλάδα, coördinatie, reünie, Ijsselmeer, ĳs\n");
        Assert.Equal(0, (await ArchiveCli.Execute(_database, "import", _folder)).ExitCode);
        var slices = await Scalar("select count(*) from archive.search_slices");
        var imported = await Vectors();
        await Scalar("delete from archive.search_slices");   // as before the search existed

        var run = await ArchiveCli.Execute(_database, "search-index");
        var again = await ArchiveCli.Execute(_database, "search-index");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2 texts indexed for search", run.Output);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(slices, await Scalar("select count(*) from archive.search_slices"));
        Assert.Equal(2, await Scalar(Matching));
        Assert.Equal(imported, await Vectors());
        Assert.Equal(1, await Scalar("select count(distinct hash) from archive.search_slices where vector @@ to_tsquery('simple', 'curacao & sao & naief & een & cafe & skoda & coordinatie & reunie')"));
    }

    async Task<List<string>> Vectors()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var reader = await new NpgsqlCommand("select hash || '/' || index || ' ' || vector::text from archive.search_slices order by hash, index", connection).ExecuteReaderAsync();
        var vectors = new List<string>();
        while (await reader.ReadAsync()) vectors.Add(reader.GetString(0));
        return vectors;
    }
}
