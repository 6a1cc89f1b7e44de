using Archive.Api.Importing;
using Marten;
using Npgsql;

namespace Archive.Api.Infrastructure;

/// <summary>
/// Marten logs every failed command at Error, with its SQL and stack, before it throws the fault
/// to the caller. Two kinds the caller expects and deals with: a concurrency conflict (two writers
/// appended to one stream; the importer decides again) and a lost database (the command says so in
/// one line; Marten's background retries of the same go on until the host is disposed, and then
/// find its connection pool gone). Those are Debug here; the rest stays as Marten logs it. Marten takes this logger
/// because it asks the container for <c>ILogger&lt;IDocumentStore&gt;</c>.
/// </summary>
public sealed class MartenLog(ILoggerFactory factory) : ILogger<IDocumentStore>
{
    readonly ILogger _inner = factory.CreateLogger<IDocumentStore>();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel >= LogLevel.Error && exception is not null && (IsConflict(exception) || ImportFaults.IsDatabaseLost(exception) || IsPoolDisposed(exception)))
            logLevel = LogLevel.Debug;
        _inner.Log(logLevel, eventId, state, exception, formatter);
    }

    static bool IsPoolDisposed(Exception e) => e is ObjectDisposedException { ObjectName: { } name } && name.StartsWith("Npgsql.", StringComparison.Ordinal);

    /// <summary>Another writer appended to the same stream first: Marten's version check (MT003) or the unique keys of a new stream or event version.</summary>
    public static bool IsConflict(Exception e) => e switch
    {
        JasperFx.ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException => true,
        PostgresException { SqlState: "MT003" } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pk_mt_events_stream_and_version" or "pkey_mt_streams_id" } => true,
        _ => e.InnerException is { } inner && IsConflict(inner),
    };
}
