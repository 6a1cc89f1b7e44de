using Marten;
using Npgsql;

namespace Archive.Api.ChangeFeed;

/// <summary>
/// Change records committed up to a sequence are announced by a PostgreSQL NOTIFY queued in the
/// transaction that writes them: PostgreSQL delivers it at commit, to every node's
/// <see cref="ChangeListener"/> (this one's too), and never for a page that rolled back.
/// </summary>
public static class ChangeNotifier
{
    public const string Channel = "archive_changes";

    public static void NotifyAtCommit(IDocumentOperations operations, long highest) =>
        operations.QueueSqlCommand("select pg_notify(?, ?)", Channel, highest.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// One connection per process LISTENs for <see cref="ChangeNotifier"/>'s NOTIFY. After connecting,
/// and after half a minute without one, it reads the highest change record once, so that a
/// notification missed while disconnected is made up for: one small query per process, never per stream.
/// </summary>
public sealed class ChangeListener(IDocumentStore store, ChangeSignal signal, ILogger<ChangeListener> log) : BackgroundService
{
    static readonly TimeSpan Quiet = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        for (var failures = 0; !ct.IsCancellationRequested; failures++)
        {
            try
            {
                await ListenAsync(() => failures = 0, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // An outage is one line, not one per attempt; streams keep their clients and catch up when it is back.
                if (failures == 0) log.LogWarning("The change feed's listener lost PostgreSQL ({Reason}); streams wait until it is back", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 1 + failures)), ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    async Task ListenAsync(Action connected, CancellationToken ct)
    {
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(ChangeRecord), ct);
        await using var connection = store.Storage.Database.CreateConnection();
        connection.Notification += (_, n) => { if (long.TryParse(n.Payload, out var highest)) signal.Notify(highest); };
        await connection.OpenAsync(ct);
        await using (var listen = new NpgsqlCommand($"listen {ChangeNotifier.Channel}", connection)) await listen.ExecuteNonQueryAsync(ct);
        connected();
        while (true)
        {
            signal.Notify(await HighestAsync(connection, ct));
            while (await connection.WaitAsync(Quiet, ct)) { }
        }
    }

    async Task<long> HighestAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var table = store.Options.Schema.For<ChangeRecord>();
        await using var highest = new NpgsqlCommand($"select coalesce(max(id), 0) from {table}", connection);
        return (long)(await highest.ExecuteScalarAsync(ct))!;
    }
}
