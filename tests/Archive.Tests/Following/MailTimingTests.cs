using Archive.Api;
using Archive.Api.Following;

namespace Archive.Tests.Following;

public class MailTimingTests
{
    static readonly FollowSettings Settings = new() { GroupSeconds = 120, MaxWaitMinutes = 30, DailyAt = "07:00", TimeZone = "Europe/Amsterdam" };
    static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void an_immediate_digest_waits_for_the_quiet_after_the_newest_change()
    {
        var decision = MailTiming.Decide(MailDigest.Immediate, Noon, Noon.AddSeconds(-100), Noon.AddSeconds(-30), Settings);
        Assert.Equal(new MailDecision.WaitUntil(Noon.AddSeconds(90)), decision);
    }

    [Fact]
    public void an_immediate_digest_goes_once_it_has_been_quiet_long_enough()
    {
        Assert.IsType<MailDecision.Send>(MailTiming.Decide(MailDigest.Immediate, Noon, Noon.AddMinutes(-5), Noon.AddSeconds(-120), Settings));
    }

    [Fact]
    public void a_burst_that_never_stops_still_mails_after_the_longest_wait()
    {
        Assert.IsType<MailDecision.Send>(MailTiming.Decide(MailDigest.Immediate, Noon, Noon.AddMinutes(-30), Noon.AddSeconds(-1), Settings));
        Assert.Equal(new MailDecision.WaitUntil(Noon.AddMinutes(1)),
            MailTiming.Decide(MailDigest.Immediate, Noon, Noon.AddMinutes(-29), Noon.AddSeconds(-1), Settings));
    }

    [Fact]
    public void a_daily_digest_holds_what_came_before_the_daily_hour_and_waits_for_the_next_one_otherwise()
    {
        // 12:00 UTC is 13:00 in Amsterdam in March (winter time): today's 07:00 (06:00 UTC) has passed.
        Assert.IsType<MailDecision.Send>(MailTiming.Decide(MailDigest.Daily, Noon, Noon.AddHours(-7), Noon.AddHours(-7), Settings));
        Assert.Equal(new MailDecision.WaitUntil(new DateTimeOffset(2026, 3, 3, 6, 0, 0, TimeSpan.Zero)),
            MailTiming.Decide(MailDigest.Daily, Noon, Noon.AddHours(-1), Noon.AddMinutes(-1), Settings));
    }

    [Fact]
    public void the_daily_hour_stays_seven_oclock_across_summer_time()
    {
        var beforeSwitch = new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 5, 0, 0, TimeSpan.Zero), MailTiming.NextDaily(beforeSwitch, Settings));
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 6, 0, 0, TimeSpan.Zero), MailTiming.PreviousDaily(beforeSwitch, Settings));
    }

    [Fact]
    public void a_daily_hour_that_does_not_exist_moves_on_by_the_gap()
    {
        var at = new FollowSettings { DailyAt = "02:30", TimeZone = "Europe/Amsterdam" };
        // 29 March 2026: 02:00 becomes 03:00 in Amsterdam; 02:30 does not exist, 03:00 (01:00 UTC) is the first time after it.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), MailTiming.NextDaily(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), at));
    }

    [Theory]
    [InlineData("7:00"), InlineData("24:00"), InlineData("07:00:00"), InlineData("zeven")]
    public void a_daily_hour_that_is_not_hh_mm_is_a_configuration_problem(string dailyAt) =>
        Assert.NotNull(MailTiming.Problem(new FollowSettings { DailyAt = dailyAt }));

    [Fact]
    public void an_unknown_time_zone_is_a_configuration_problem() =>
        Assert.Contains("time zone", MailTiming.Problem(new FollowSettings { TimeZone = "Europe/Atlantis" }));
}
