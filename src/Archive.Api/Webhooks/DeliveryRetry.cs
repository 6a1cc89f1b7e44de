using System.Net;

namespace Archive.Api.Webhooks;

/// <summary>What follows a failed delivery.</summary>
public abstract record RetryDecision
{
    /// <summary>Try again after <paramref name="Delay"/>.</summary>
    public sealed record Retry(TimeSpan Delay) : RetryDecision;

    /// <summary>The schedule is used up: the subscription is dead-lettered until someone redelivers.</summary>
    public sealed record DeadLetter : RetryDecision;

    /// <summary>The receiver said it is gone for good.</summary>
    public sealed record Disable(string Reason) : RetryDecision;
}

/// <summary>
/// The retry rule, pure: the n-th failure in a row waits the n-th interval of the schedule, spread
/// by ±20 % so that receivers coming back are not hit by every sender at once, unless the receiver
/// named its own Retry-After; past the last interval the subscription is dead-lettered; 410 Gone
/// disables it. The caller supplies the jitter (a number in [0, 1)).
/// </summary>
public static class DeliveryRetry
{
    public static RetryDecision After(int failures, int? status, TimeSpan? retryAfter, IReadOnlyList<int> schedule, double jitter)
    {
        if (status == (int)HttpStatusCode.Gone) return new RetryDecision.Disable("the receiver answered 410 Gone");
        if (failures > schedule.Count) return new RetryDecision.DeadLetter();
        var delay = retryAfter is { } asked && asked > TimeSpan.Zero
            ? asked
            : TimeSpan.FromSeconds(schedule[failures - 1] * (0.8 + Math.Clamp(jitter, 0, 1) * 0.4));
        return new RetryDecision.Retry(delay);
    }
}

/// <summary>The randomness of retries, injected so that tests can fix it.</summary>
public class Jitter
{
    public virtual double Next() => Random.Shared.NextDouble();
}
