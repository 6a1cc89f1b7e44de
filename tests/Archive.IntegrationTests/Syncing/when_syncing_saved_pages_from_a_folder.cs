using Archive.IntegrationTests.CommandLine;
using Archive.IntegrationTests.Infrastructure;
using Npgsql;

namespace Archive.IntegrationTests.Syncing;

/// <summary>A folder of saved SyncFeed pages: backfills, and pages the sync must refuse without importing any of them.</summary>
[Collection(ArchiveCollection.Name)]
public class when_syncing_saved_pages_from_a_folder : IDisposable
{
    const string Known = SavedPages.Known, Unknown = "e4b8a2d1-6c3f-4f7a-9e05-1d2c3b4a5f60";
    readonly string _database = TestCluster.NewDatabase();
    readonly string _folder = SavedPages.Make("archive-sync-");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static string Fixture(string name) => SavedPages.Fixture(name);

    /// <summary>Rows of a table of the archive schema; 0 when the table is not there (nothing was ever written to it).</summary>
    async Task<long> Count(string table, string where = "true")
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        if (await new NpgsqlCommand($"select to_regclass('archive.{table}')::text", connection).ExecuteScalarAsync() is not string) return 0;
        return Convert.ToInt64(await new NpgsqlCommand($"select count(*) from archive.{table} where {where}", connection).ExecuteScalarAsync());
    }

    [Fact]
    public async Task a_tombstone_that_came_first_withdraws_the_document_when_its_history_arrives()
    {
        var first = await ArchiveCli.Execute(_database, "sync", _folder);
        Assert.True(first.ExitCode == 0, first.Errors);
        Assert.Contains("1 tombstones remembered", first.Output);

        // The backfill: the unknown document's own entity, published before it was deleted.
        var page = File.ReadAllText(Fixture("syncfeed/document-page-1.xml"));
        var entry = page[page.IndexOf("<entry>", StringComparison.Ordinal)..(page.IndexOf("</entry>", StringComparison.Ordinal) + 8)];
        var backfill = page[..page.IndexOf("<entry>", StringComparison.Ordinal)] +
            entry.Replace(Known, Unknown).Replace("2026D04632", "2026D00010").Replace("2026-02-02T08:51:23Z", "2026-01-20T10:00:00Z") + "\n</feed>\n";
        File.WriteAllText(Path.Combine(_folder, "document-page-2-backfill.xml"), backfill);
        File.Copy(Fixture("docx/2026D04632-v1.docx"), Path.Combine(_folder, "Resources", $"{Unknown}.docx"));

        var second = await ArchiveCli.Execute(_database, "sync", _folder);
        Assert.True(second.ExitCode == 0, second.Errors);
        Assert.Contains("1 created", second.Output);
        Assert.Contains("1 withdrawn", second.Output);
        Assert.Equal(1, await Count("mt_events", "stream_id = '2026D00010' and type = 'document_withdrawn'"));
    }

    [Fact]
    public async Task a_truncated_page_stops_its_category_there_imports_none_of_it_and_the_other_categories_go_on()
    {
        var page = Path.Combine(_folder, "document-page-1.xml");
        File.WriteAllText(page, File.ReadAllText(page)[..1500]);
        var run = await ArchiveCli.Execute(_database, "sync", _folder);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("sync stopped: Document page document-page-1.xml: the page was refused: it is not well-formed XML", run.Errors);
        Assert.Equal(0, await Count("mt_events"));
        Assert.Equal(1, await Count("mt_doc_synccheckpoint", "id = 'Document' and data->>'Location' = '' and data->>'Problem' like '%not well-formed%'"));
        Assert.Equal(1, await Count("mt_doc_synccheckpoint", "id = 'Zaak' and data->>'Location' <> ''"));
    }

    [Fact]
    public async Task a_page_with_a_doctype_is_refused()
    {
        var page = Path.Combine(_folder, "document-page-1.xml");
        File.WriteAllText(page, File.ReadAllText(page).Replace("<feed ", "<!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<feed "));
        var run = await ArchiveCli.Execute(_database, "sync", _folder);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("DOCTYPE", run.Errors);
        Assert.Equal(0, await Count("mt_events"));
    }

    [Fact]
    public async Task a_file_that_is_not_the_announced_size_is_a_gap_and_the_document_is_recorded_without_its_text()
    {
        File.Copy(Fixture("docx/2026D04632-v2.docx"), Path.Combine(_folder, "Resources", $"{Known}.docx"), overwrite: true);
        var run = await ArchiveCli.Execute(_database, "sync", _folder);
        Assert.True(run.ExitCode == 0, run.Errors);
        Assert.Contains("1 created", run.Output);
        Assert.Contains("1 gaps opened", run.Output);
        Assert.Equal(1, await Count("mt_events", "stream_id = '2026D04632' and data->>'TextNotCaptured' like '%is 17,067 bytes, but tk:contentLength announced 17,081%'"));
        Assert.Equal(1, await Count("mt_doc_syncgap", $"data->>'EntityId' = '{Known}' and data->>'Reason' = 'size-mismatch' and (data->>'Open')::boolean"));
        Assert.Equal(1, await Count("mt_doc_synccheckpoint", "id = 'Document' and data->>'Location' <> ''"));

        var gaps = await ArchiveCli.Execute(_database, "gaps");
        Assert.True(gaps.ExitCode == 0, gaps.Errors);
        Assert.StartsWith("1 open gaps", gaps.Output);
        Assert.DoesNotContain("Searching", gaps.Errors + gaps.Output);
        Assert.DoesNotContain("info:", gaps.Errors + gaps.Output);

        var refused = await ArchiveCli.Execute(_database, "gaps", "--state", "half");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Equal("gaps: state 'half' is none of open, closed, all", refused.Errors.Trim());
        Assert.Contains($"2026D04632\t{Known}\ttext\tsize-mismatch", gaps.Output);
    }

    [Fact]
    public async Task a_file_that_is_not_the_announced_type_is_a_gap_naming_both_types()
    {
        File.Move(Path.Combine(_folder, "Resources", $"{Known}.docx"), Path.Combine(_folder, "Resources", $"{Known}.pdf"));
        var run = await ArchiveCli.Execute(_database, "sync", _folder);
        Assert.True(run.ExitCode == 0, run.Errors);
        Assert.Equal(1, await Count("mt_doc_syncgap", "data->>'Reason' = 'type-mismatch' and data->>'Detail' like " +
            "'%is served as application/pdf, but tk:contentType announced application/vnd.openxmlformats-officedocument.wordprocessingml.document%'"));
        Assert.Equal(1, await Count("mt_events", "stream_id = '2026D04632'"));
    }

    [Fact]
    public async Task a_folder_that_does_not_exist_is_a_one_line_refusal()
    {
        var run = await ArchiveCli.Execute(_database, "sync", Path.Combine(_folder, "missing"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("is not a folder", run.Errors);
    }
}
