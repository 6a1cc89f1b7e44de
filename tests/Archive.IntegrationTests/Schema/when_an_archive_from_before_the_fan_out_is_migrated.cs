using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.Schema;

/// <summary>Migration 0012: the fan-out subscription takes over the position of the projection it replaces.</summary>
[Collection(ArchiveCollection.Name)]
public class when_an_archive_from_before_the_fan_out_is_migrated
{
    [Fact]
    public async Task the_subscription_starts_where_the_change_feed_projection_stood_and_the_broker_cursor_is_gone()
    {
        await using var connection = await Migrations.BuiltBeforeAsync("0012");
        await connection.ExecuteAsync("insert into archive.mt_event_progression (name, last_seq_id) values ('ChangeFeedProjection:All', 4242)");
        await connection.ExecuteAsync("""insert into archive.mt_doc_brokercursor (id, data) values ('rabbitmq', '{"Id": "rabbitmq", "Position": 4200}')""");

        await Migrations.ApplyAsync(connection, "0012");

        Assert.Equal(4242L, await connection.ScalarAsync("select last_seq_id from archive.mt_event_progression where name = 'ChangeFeed:All'"));
        Assert.Equal(0L, await connection.ScalarAsync("select count(*) from archive.mt_event_progression where name = 'ChangeFeedProjection:All'"));
        Assert.Null(await connection.ScalarAsync("select to_regclass('archive.mt_doc_brokercursor')::text"));
    }
}
