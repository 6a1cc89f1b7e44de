using Archive.IntegrationTests.Infrastructure;
using Npgsql;

namespace Archive.IntegrationTests.Schema;

/// <summary>
/// For the tests of a data-moving migration: a new database built from migrations/ up to the one
/// under test, which the test then fills as the Archive before it did, and migrates.
/// </summary>
static class Migrations
{
    static List<string> Files() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "migrations"), "*.sql")
            .Where(f => !f.EndsWith(".drop.sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    static bool Is(string file, string number) => Path.GetFileName(file).StartsWith(number + "_", StringComparison.Ordinal);

    /// <summary>An open connection to a new database that every migration before <paramref name="number"/> (such as "0014") has been applied to.</summary>
    public static async Task<NpgsqlConnection> BuiltBeforeAsync(string number)
    {
        var connection = new NpgsqlConnection(TestCluster.NewDatabase());
        await connection.OpenAsync();
        foreach (var file in Files().TakeWhile(f => !Is(f, number)))
            await connection.ExecuteAsync(await File.ReadAllTextAsync(file));
        return connection;
    }

    public static async Task ApplyAsync(NpgsqlConnection connection, string number) =>
        await connection.ExecuteAsync(await File.ReadAllTextAsync(Files().Single(f => Is(f, number))));

    public static async Task ExecuteAsync(this NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = Command(connection, sql, values);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<object?> ScalarAsync(this NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = Command(connection, sql, values);
        return await command.ExecuteScalarAsync() is var result and not DBNull ? result : null;
    }

    static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
