using Archive.Api.Webhooks;

namespace Archive.Tests.Webhooks;

public class when_a_delivery_fails
{
    static readonly int[] Schedule = [5, 300, 1800];

    [Theory]
    [InlineData(1, 0.5, 5)]
    [InlineData(2, 0.5, 300)]
    [InlineData(3, 0.5, 1800)]
    public void the_nth_failure_waits_the_nth_interval(int failures, double jitter, double seconds) =>
        Assert.Equal(new RetryDecision.Retry(TimeSpan.FromSeconds(seconds)), DeliveryRetry.After(failures, 503, null, Schedule, jitter));

    [Theory]
    [InlineData(0.0, 240)]
    [InlineData(0.999999, 359.99988)]
    public void the_jitter_spreads_each_interval_by_a_fifth_either_way(double jitter, double seconds)
    {
        var retry = Assert.IsType<RetryDecision.Retry>(DeliveryRetry.After(2, null, null, Schedule, jitter));
        Assert.Equal(seconds, retry.Delay.TotalSeconds, 3);
    }

    [Fact]
    public void the_receivers_retry_after_wins_over_the_schedule() =>
        Assert.Equal(new RetryDecision.Retry(TimeSpan.FromSeconds(42)), DeliveryRetry.After(1, 429, TimeSpan.FromSeconds(42), Schedule, 0.5));

    [Fact]
    public void a_retry_after_in_the_past_falls_back_to_the_schedule() =>
        Assert.Equal(new RetryDecision.Retry(TimeSpan.FromSeconds(5)), DeliveryRetry.After(1, 503, TimeSpan.FromSeconds(-3), Schedule, 0.5));

    [Fact]
    public void past_the_last_interval_the_subscription_is_dead_lettered() =>
        Assert.IsType<RetryDecision.DeadLetter>(DeliveryRetry.After(Schedule.Length + 1, 500, null, Schedule, 0.5));

    [Fact]
    public void a_410_disables_the_subscription_at_once() =>
        Assert.Equal(new RetryDecision.Disable("the receiver answered 410 Gone"), DeliveryRetry.After(1, 410, null, Schedule, 0.5));
}
