namespace Archive.Api.ChangeFeed;

/// <summary>
/// How far the change feed is written, known once for the whole process. Streams wait on it
/// instead of each re-reading the table: an idle stream is a pending task, no thread and no query.
/// Whatever learns of new change records calls <see cref="Notify"/> (today the daemon's listener
/// and a PostgreSQL NOTIFY from other nodes; later, perhaps, a Marten subscription).
/// </summary>
public sealed class ChangeSignal
{
    readonly Lock _gate = new();
    long _highest;
    TaskCompletionSource _next = NewWaiters();

    /// <summary>The highest change record known to be committed; every record below it is committed too.</summary>
    public long Highest
    {
        get { lock (_gate) return _highest; }
    }

    /// <summary>Records up to <paramref name="highest"/> are committed: wakes every stream waiting below it.</summary>
    public void Notify(long highest)
    {
        TaskCompletionSource woken;
        lock (_gate)
        {
            if (highest <= _highest) return;
            (_highest, woken, _next) = (highest, _next, NewWaiters());
        }
        woken.TrySetResult();
    }

    /// <summary>True once a record past <paramref name="after"/> is known; false when <paramref name="timeout"/> passes first.</summary>
    public async Task<bool> WaitAsync(long after, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_highest > after) return true;
                next = _next.Task;
            }
            await next.WaitAsync(deadline.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            ct.ThrowIfCancellationRequested();
            if (!next.IsCompleted) return false;
        }
    }

    static TaskCompletionSource NewWaiters() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
