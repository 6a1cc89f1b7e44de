using System.Data.Common;
using Npgsql;

namespace Archive.Api.Infrastructure;

/// <summary>
/// Npgsql prepares a statement on the server once it has run twice on a connection (auto-prepare),
/// unless the connection string says otherwise: Marten's and Wolverine's statements are the same
/// text every time, and PostgreSQL otherwise parses and plans each one anew. At 100 imports/s on two
/// cores that parsing and planning was a good part of PostgreSQL's share (docs/benchmarks.md). The
/// schema is fixed while the Archive runs (migrations come first), which is what prepared statements
/// ask. A connection string that names either setting keeps its own (<c>Max Auto Prepare=0</c> turns
/// it off).
/// </summary>
public static class PreparedStatements
{
    public const int MaxAutoPrepare = 50;
    public const int MinUsages = 2;

    public static string Default(string connectionString)
    {
        // Npgsql's own builder knows every keyword; the plain one holds only those the string names.
        var named = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant());
        if (named.Any(k => k is "maxautoprepare" or "autoprepareminusages")) return connectionString;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.MaxAutoPrepare = MaxAutoPrepare;
        builder.AutoPrepareMinUsages = MinUsages;
        return builder.ConnectionString;
    }

    /// <summary>
    /// PostgreSQL plans every later run of this connection's statements for the values given, not
    /// once for any value: a prepared statement is otherwise planned generically after its fifth run,
    /// and a search's plan depends on its words (a word in every text and one in a single text want
    /// different plans). Searches were three to four times slower with generic plans (docs/benchmarks.md).
    /// Lasts until the connection goes back to the pool, which resets it.
    /// </summary>
    public static async Task PlanForTheValuesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("set plan_cache_mode = force_custom_plan", connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
