using System.Net.Sockets;
using Archive.Api.Importing;
using Npgsql;

namespace Archive.Api.Infrastructure;

/// <summary>
/// The faults a command expects (the database cannot be reached or goes away, a file cannot be
/// read or written) end it with one line on standard error and a non-zero exit. Anything else is
/// a bug, and JasperFx prints it with its stack.
/// </summary>
public static class CommandFaults
{
    public static async Task<bool> Guard(string command, Func<Task<bool>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (Describe(e) is { } line)
        {
            Console.Error.WriteLine($"{command}: {line}");
            return false;
        }
    }

    public static bool Guard(string command, Func<bool> run)
    {
        try
        {
            return run();
        }
        catch (Exception e) when (Describe(e) is { } line)
        {
            Console.Error.WriteLine($"{command}: {line}");
            return false;
        }
    }

    /// <summary>One line for an expected fault, or null for a bug.</summary>
    public static string? Describe(Exception e) =>
        ImportFaults.IsDatabaseLost(e) ? $"the database cannot be reached or went away ({DatabaseReason(e)}); run the same command again when it is back"
        : e is IOException or UnauthorizedAccessException ? $"a file could not be read or written ({e.Message})"
        : null;

    /// <summary>What the connection said, without Marten's wrapping: "Failed to connect to 127.0.0.1:5432: Connection refused".</summary>
    public static string DatabaseReason(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            switch (x)
            {
                case PostgresException p: return $"{p.SqlState}: {p.MessageText}";
                case NpgsqlException { InnerException: (SocketException or IOException or TimeoutException) and { } inner } n: return $"{n.Message}: {inner.Message}";
                case NpgsqlException or SocketException or TimeoutException: return x.Message;
            }
        return e.Message;
    }
}
