using Archive.Content.Search;
using Archive.IntegrationTests.Infrastructure;
using Npgsql;

namespace Archive.IntegrationTests.Schema;

/// <summary>
/// Migration 0013: texts move out of their JSON documents into archive.texts, and the search index
/// keeps only its vectors. The database before it is made as the Archive before it made one: each
/// text a JSON document, and (unless it was stored before search existed) its slices with their words.
/// </summary>
[Collection(ArchiveCollection.Name)]
public class when_an_archive_from_before_texts_were_stored_once_is_migrated : IAsyncLifetime
{
    static readonly string Long = string.Join("\n\n", Enumerable.Range(0, 3000).Select(i => $"Alinea {i} over de motie en de brieven, met ‘aanhalingstekens’ en é."));
    static readonly (string Hash, string Text, bool Indexed)[] Texts =
    [
        ("hash-short", "Een korte tekst.\n\nTwee alinea's.", true),
        ("hash-long", Long, true),
        ("hash-never-indexed", Long + "\n\nNooit geïndexeerd.", false),
        ("hash-empty", "", true),
    ];

    NpgsqlConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _connection = await Migrations.BuiltBeforeAsync("0013");
        foreach (var (hash, text, indexed) in Texts)
        {
            await Execute("insert into archive.mt_doc_documenttext (id, data) values ($1, jsonb_build_object('Id', $1::text, 'Text', $2::text))", hash, text);
            if (!indexed) continue;
            foreach (var (slice, index) in TextSlices.Of(text).Select((s, i) => (s, i)))
                await Execute("insert into archive.search_slices (hash, index, text, vector) values ($1, $2, $3, to_tsvector('simple', $3))", hash, index, slice);
        }
        await Migrations.ApplyAsync(_connection, "0013");
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task every_text_is_in_the_texts_table_exactly_as_it_was()
    {
        foreach (var (hash, text, _) in Texts)
            Assert.Equal(text, await Scalar("select string_agg(text, '' order by part) from archive.texts where hash = $1", hash));
    }

    [Fact]
    public async Task indexed_texts_keep_their_index_and_parts_and_the_json_documents_are_gone()
    {
        Assert.Equal((long)TextSlices.Of(Long).Count, await Scalar("select count(*) from archive.search_slices where hash = 'hash-long'"));
        Assert.Equal((long)TextSlices.Of(Long).Count, await Scalar("select count(*) from archive.texts where hash = 'hash-long'"));
        Assert.Equal(0L, await Scalar("select count(*) from archive.search_slices where hash = 'hash-never-indexed'"));
        Assert.Equal(true, await Scalar("select exists (select 1 from archive.search_slices s join archive.texts t on t.hash = s.hash and t.part = s.index where s.vector @@ to_tsquery('simple', 'motie') and strpos(t.text, 'motie') > 0)"));
        Assert.Null(await Scalar("select to_regclass('archive.mt_doc_documenttext')::text"));
        Assert.Equal(0L, await Scalar("select count(*) from information_schema.columns where table_schema = 'archive' and table_name = 'search_slices' and column_name = 'text'"));
    }

    Task Execute(string sql, params object[] values) => _connection.ExecuteAsync(sql, values);

    Task<object?> Scalar(string sql, params object[] values) => _connection.ScalarAsync(sql, values);
}
