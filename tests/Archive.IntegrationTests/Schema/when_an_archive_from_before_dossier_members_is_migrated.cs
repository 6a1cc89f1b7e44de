using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Schema;

/// <summary>Migration 0014: the documents a dossier listed become member rows, each in one dossier.</summary>
[Collection(ArchiveCollection.Name)]
public class when_an_archive_from_before_dossier_members_is_migrated
{
    static string Entry(string number, int sequence, string updated, int version) =>
        $$"""{"Number": "{{number}}", "SequenceNumber": {{sequence}}, "Kind": "Motie", "Title": "T", "Subject": "S", "Date": "2026-01-30", "Revision": {{version}}, "SourceVersion": {{version}}, "SourceUpdatedAt": "{{updated}}", "RecordedAt": "2026-03-01T00:00:00+00:00", "Withdrawn": false}""";

    [Fact]
    public async Task each_listed_document_is_a_member_of_the_dossier_its_latest_revision_names()
    {
        await using var connection = await Migrations.BuiltBeforeAsync("0014");
        // 2026D00002 moved from 36180 to 36999 in its second version; the old list still has it.
        await connection.ExecuteAsync($$"""
            insert into archive.mt_doc_dossierdetails (id, data) values
              ('36180', '{"Id": "36180", "Title": "Handel", "Addition": null, "Documents": [{{Entry("2026D00001", 1, "2026-02-01T00:00:00+00:00", 1)}}, {{Entry("2026D00002", 2, "2026-02-01T00:00:00+00:00", 1)}}]}'),
              ('36999', '{"Id": "36999", "Title": "Ander", "Addition": null, "Documents": [{{Entry("2026D00002", 4, "2026-02-05T00:00:00+00:00", 2)}}]}')
            """);

        await Migrations.ApplyAsync(connection, "0014");

        Assert.Equal("2026D00001=36180:1, 2026D00002=36999:4", await connection.ScalarAsync(
            "select string_agg(id || '=' || dossier_number || ':' || (data -> 'Entry' ->> 'SequenceNumber'), ', ' order by id) from archive.mt_doc_dossiermember"));
        Assert.Equal(0L, await connection.ScalarAsync("select count(*) from archive.mt_doc_dossierdetails where data ? 'Documents'"));
        Assert.Equal("Handel", await connection.ScalarAsync("select data ->> 'Title' from archive.mt_doc_dossierdetails where id = '36180'"));
    }
}
