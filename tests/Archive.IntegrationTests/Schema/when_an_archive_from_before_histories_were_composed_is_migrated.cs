using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Schema;

/// <summary>Migration 0016: the per-document history documents give their status changes and their "no text" reasons to the rows that replace them.</summary>
[Collection(ArchiveCollection.Name)]
public class when_an_archive_from_before_histories_were_composed_is_migrated
{
    [Fact]
    public async Task status_changes_and_missing_text_reasons_move_and_the_history_documents_are_gone()
    {
        await using var connection = await Migrations.BuiltBeforeAsync("0016");
        const string withdrawal = """{"Withdrawn": true, "Reason": "ingetrokken", "SourceUpdatedAt": "2026-03-01T00:00:00+00:00", "RecordedAt": "2026-03-01T00:00:01+00:00", "EventHash": "e3", "PreviousEventHash": "e2", "Provenance": {"Source": "api"}}""";
        await connection.ExecuteAsync($$"""
            insert into archive.mt_doc_documenthistory (id, data) values
              ('2026D00001', '{"Id": "2026D00001", "Revisions": [{"Revision": 1}, {"Revision": 2, "TextNotCaptured": "the file was not found"}], "StatusChanges": [{{withdrawal}}]}'),
              ('2026D00002', '{"Id": "2026D00002", "Revisions": [{"Revision": 1}], "StatusChanges": []}');
            insert into archive.mt_doc_revisionrecord (id, data, document_number) values
              ('2026D00001@1', '{"Id": "2026D00001@1", "DocumentNumber": "2026D00001", "Revision": 1}', '2026D00001'),
              ('2026D00001@2', '{"Id": "2026D00001@2", "DocumentNumber": "2026D00001", "Revision": 2}', '2026D00001'),
              ('2026D00002@1', '{"Id": "2026D00002@1", "DocumentNumber": "2026D00002", "Revision": 1}', '2026D00002');
            """);

        await Migrations.ApplyAsync(connection, "0016");

        Assert.Equal("2026D00001:ingetrokken", await connection.ScalarAsync(
            "select string_agg(id || ':' || (data -> 'StatusChanges' -> 0 ->> 'Reason'), ',') from archive.mt_doc_statushistory"));
        Assert.Equal("2026D00001@2=the file was not found", await connection.ScalarAsync(
            "select string_agg(id || '=' || (data ->> 'TextNotCaptured'), ',') from archive.mt_doc_revisionrecord where data ? 'TextNotCaptured'"));
        Assert.Null(await connection.ScalarAsync("select to_regclass('archive.mt_doc_documenthistory')::text"));
    }
}
