using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;

namespace Archive.Api.Infrastructure;

/// <summary>
/// What the Archive adds to its connection string, each unless the string says otherwise
/// (docs/benchmarks.md has the measurements):
/// <list type="bullet">
/// <item>Npgsql prepares a statement on the server once it has run twice on a connection
/// (auto-prepare). Marten's and Wolverine's statements are the same text every time, and
/// PostgreSQL otherwise parses and plans each one anew; at 100 imports/s on two cores that was a
/// good part of its share. The schema is fixed while the Archive runs (migrations come first), which
/// is what prepared statements ask. <c>Max Auto Prepare=0</c> turns it off.</item>
/// <item>PostgreSQL's JIT compiler off (<c>Options=-c jit=off</c>). It compiles a query whose
/// estimated cost passes a threshold, and the searches' correlated subqueries pass it while running
/// in a few milliseconds: compiling took 40 ms of a 55 ms search. A string that names
/// <c>Options</c> keeps its own (<c>Options=</c> sends none, for a pooler that refuses them).</item>
/// </list>
/// </summary>
public static class ConnectionDefaults
{
    public const int MaxAutoPrepare = 50;
    public const int MinUsages = 2;
    public const string NoJit = "-c jit=off";

    public static string Apply(string connectionString)
    {
        // Npgsql's own builder knows every keyword; the plain one holds only those the string names.
        var named = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant());
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!named.Any(k => k is "maxautoprepare" or "autoprepareminusages"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
            builder.AutoPrepareMinUsages = MinUsages;
        }
        // Read from the string itself: a key named with an empty value is one the builders drop.
        if (!Regex.IsMatch(connectionString, @"(^|;)\s*options\s*=", RegexOptions.IgnoreCase))
            builder.Options = NoJit;
        return builder.ConnectionString;
    }

    /// <summary>
    /// PostgreSQL plans every later run of this connection's statements for the values given, not
    /// once for any value: a prepared statement is otherwise planned generically after its fifth run,
    /// and a search's plan depends on its words (a word in every text and one in a single text want
    /// different plans). Searches were three to four times slower with generic plans.
    /// Lasts until the connection goes back to the pool, which resets it.
    /// </summary>
    public static async Task PlanForTheValuesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("set plan_cache_mode = force_custom_plan", connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
