using Npgsql;

namespace Archive.Api.Importing;

/// <summary>
/// Which exceptions during one file's import are that file's own fault (reject it, go on with the
/// next) and which are the Archive's (the database is gone, the request was cancelled: stop, since
/// every further file would fail the same way).
/// </summary>
public static class ImportFaults
{
    public static bool IsFilesOwn(Exception e) => e is not (OperationCanceledException or OutOfMemoryException) && !IsDatabaseLost(e);

    /// <summary>
    /// The connection failed or broke, or the server is shutting down, gone or refusing connections
    /// (SQLSTATE classes 08 and 57P, 53300, 3D000, 28), rather than the database refusing what was sent.
    /// </summary>
    public static bool IsDatabaseLost(Exception e) => e switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal)
                               || p.SqlState.StartsWith("28", StringComparison.Ordinal) || p.SqlState is "53300" or "3D000",
        NpgsqlException => true,
        System.Net.Sockets.SocketException or TimeoutException => true,
        _ => e.InnerException is { } inner && IsDatabaseLost(inner),
    };

    /// <summary>One line for a file's rejection: the kind of fault and its message, no stack.</summary>
    public static string Reason(Exception e) =>
        $"it could not be imported ({(Refusal(e) is { } p ? $"the database refused it: {p.MessageText}" : e.GetType().Name + ": " + e.Message)})";

    /// <summary>The database's own refusal, however deep Marten or Wolverine wrapped it.</summary>
    static PostgresException? Refusal(Exception? e) => e is null ? null : e as PostgresException ?? Refusal(e.InnerException);
}
