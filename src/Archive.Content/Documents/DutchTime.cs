using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Archive.Content.Input;

namespace Archive.Content.Documents;

/// <summary>Dutch local times, as the Tweede Kamer's systems write them, turned into instants.</summary>
public static class DutchTime
{
    static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    static readonly LocalDateTimePattern[] Patterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss"),
    ];

    /// <summary>
    /// Parses a zone-less local time and places it in Europe/Amsterdam. In the autumn hour
    /// that happens twice the earlier instant is taken; a time skipped in spring moves forward.
    /// </summary>
    public static bool TryParseLocal(string text, out DateTimeOffset instant)
    {
        foreach (var pattern in Patterns)
        {
            var result = pattern.Parse(text.Trim());
            // Years outside the Archive's range are refused before any zone arithmetic can overflow.
            if (!result.Success || !Limits.InRange(result.Value.Year)) continue;
            instant = result.Value.InZoneLeniently(Amsterdam).ToDateTimeOffset().ToUniversalTime();
            return true;
        }
        instant = default;
        return false;
    }

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && Limits.InRange(date);

    /// <summary>An instant as a Dutch reader reads it: local time in Amsterdam, "2026-02-02 09:51".</summary>
    public static string Local(DateTimeOffset instant) =>
        Instant.FromDateTimeOffset(instant).InZone(Amsterdam).ToString("uuuu'-'MM'-'dd' 'HH':'mm", CultureInfo.InvariantCulture);
}
