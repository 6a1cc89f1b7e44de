namespace Archive.Api.Infrastructure;

public static class Clock
{
    /// <summary>Now, to the microsecond: PostgreSQL keeps no finer, so a recorded time reads back exactly as it was written.</summary>
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}
