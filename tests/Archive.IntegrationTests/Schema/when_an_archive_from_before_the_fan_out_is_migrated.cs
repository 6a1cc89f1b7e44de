using Archive.IntegrationTests.Infrastructure;
using Npgsql;

namespace Archive.IntegrationTests.Schema;

/// <summary>Migration 0012: the fan-out subscription takes over the position of the projection it replaces.</summary>
[Collection(ArchiveCollection.Name)]
public class when_an_archive_from_before_the_fan_out_is_migrated
{
    [Fact]
    public async Task the_subscription_starts_where_the_change_feed_projection_stood_and_the_broker_cursor_is_gone()
    {
        await using var connection = new NpgsqlConnection(TestCluster.NewDatabase());
        await connection.OpenAsync();
        var migrations = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "migrations"), "*.sql")
            .Where(f => !f.EndsWith(".drop.sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        foreach (var file in migrations.TakeWhile(f => !Path.GetFileName(f).StartsWith("0012_", StringComparison.Ordinal)))
            await Execute(connection, await File.ReadAllTextAsync(file));
        await Execute(connection, "insert into archive.mt_event_progression (name, last_seq_id) values ('ChangeFeedProjection:All', 4242)");
        await Execute(connection, """insert into archive.mt_doc_brokercursor (id, data) values ('rabbitmq', '{"Id": "rabbitmq", "Position": 4200}')""");

        await Execute(connection, await File.ReadAllTextAsync(migrations.Single(f => Path.GetFileName(f).StartsWith("0012_", StringComparison.Ordinal))));

        Assert.Equal(4242L, await Scalar(connection, "select last_seq_id from archive.mt_event_progression where name = 'ChangeFeed:All'"));
        Assert.Equal(0L, await Scalar(connection, "select count(*) from archive.mt_event_progression where name = 'ChangeFeedProjection:All'"));
        Assert.Null(await Scalar(connection, "select to_regclass('archive.mt_doc_brokercursor')::text"));
    }

    static async Task Execute(NpgsqlConnection connection, string sql) => await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();

    static async Task<object?> Scalar(NpgsqlConnection connection, string sql) =>
        await new NpgsqlCommand(sql, connection).ExecuteScalarAsync() is var value and not DBNull ? value : null;
}
