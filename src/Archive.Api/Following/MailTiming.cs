using System.Globalization;

namespace Archive.Api.Following;

public abstract record MailDecision
{
    public sealed record Send : MailDecision;

    /// <summary>Not yet: look again then.</summary>
    public sealed record WaitUntil(DateTimeOffset At) : MailDecision;
}

/// <summary>When a follow's mail goes: a pure rule, with its clock given.</summary>
public static class MailTiming
{
    /// <summary>
    /// Immediate: once nothing new has come for <see cref="FollowSettings.GroupSeconds"/> (a burst is
    /// one mail), and never later than <see cref="FollowSettings.MaxWaitMinutes"/> after the oldest
    /// change it holds (a stream that never stops still mails). Daily: at the daily hour, with every
    /// change from before it.
    /// </summary>
    public static MailDecision Decide(MailDigest digest, DateTimeOffset now, DateTimeOffset oldest, DateTimeOffset newest, FollowSettings settings)
    {
        if (digest == MailDigest.Daily)
            return PreviousDaily(now, settings) >= oldest ? new MailDecision.Send() : new MailDecision.WaitUntil(NextDaily(now, settings));
        var quietAt = newest + TimeSpan.FromSeconds(settings.GroupSeconds);
        var latest = oldest + TimeSpan.FromMinutes(settings.MaxWaitMinutes);
        return now >= quietAt || now >= latest ? new MailDecision.Send() : new MailDecision.WaitUntil(quietAt < latest ? quietAt : latest);
    }

    /// <summary>The next daily hour after <paramref name="now"/>, in the configured time zone (so 07:00 stays 07:00 across summer time).</summary>
    public static DateTimeOffset NextDaily(DateTimeOffset now, FollowSettings settings)
    {
        var (zone, at) = (Zone(settings), Hour(settings));
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = Instant(local.Date + at, zone);
        return today > now ? today : Instant(local.Date.AddDays(1) + at, zone);
    }

    public static DateTimeOffset PreviousDaily(DateTimeOffset now, FollowSettings settings)
    {
        var (zone, at) = (Zone(settings), Hour(settings));
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = Instant(local.Date + at, zone);
        return today <= now ? today : Instant(local.Date.AddDays(-1) + at, zone);
    }

    /// <summary>Why the daily hour or time zone cannot be used, or null.</summary>
    public static string? Problem(FollowSettings settings) =>
        !TimeSpan.TryParseExact(settings.DailyAt, @"hh\:mm", CultureInfo.InvariantCulture, out var at) || at >= TimeSpan.FromDays(1)
            ? $"Archive:Follows:DailyAt '{settings.DailyAt}' is not a time of day as HH:mm"
            : !TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone, out _) ? $"Archive:Follows:TimeZone '{settings.TimeZone}' is not a time zone this machine knows"
            : settings.GroupSeconds < 0 || settings.MaxWaitMinutes < 0 ? "Archive:Follows:GroupSeconds and MaxWaitMinutes cannot be negative"
            : null;

    static TimeZoneInfo Zone(FollowSettings settings) => TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);

    static TimeSpan Hour(FollowSettings settings) => TimeSpan.ParseExact(settings.DailyAt, @"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>A wall-clock time in a zone as an instant; a time that does not exist (the hour skipped in spring) moves on by the gap.</summary>
    static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
