using System.Globalization;
using NodaTime;
using Archive.Content.Input;

namespace Archive.Content.Documents;

/// <summary>The two clocks an "as of" question can be asked on (DESIGN decision 3).</summary>
public enum Axis { Source, Recorded }

/// <summary>Reads the moment of an "as of" question.</summary>
public static class AsOf
{
    public const string AcceptedFormats =
        "an ISO 8601 instant with a zone (2026-02-05T00:00:00Z, 2026-02-05T01:00:00+01:00), a Dutch local time (2026-02-05T10:00), " +
        "or a date (2026-02-05, meaning the end of that day in Amsterdam), " + Limits.TimeRange;

    static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    public static bool TryParse(string text, out DateTimeOffset instant)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            instant = default;
            if (!Limits.InRange(date)) return false;
            var nextDay = new LocalDate(date.Year, date.Month, date.Day).PlusDays(1).AtStartOfDayInZone(Amsterdam);
            instant = nextDay.ToDateTimeOffset().ToUniversalTime().AddTicks(-1);
            return true;
        }
        if (HasZone(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out instant))
            return Limits.InRange(instant);
        if (DutchTime.TryParseLocal(text.Replace('T', ' '), out instant)) return true;
        instant = default;
        return false;
    }

    /// <summary>RFC 1123 / HTTP dates, as Memento's Accept-Datetime carries them ("Thu, 05 Feb 2026 00:00:00 GMT").</summary>
    public static bool TryParseHttpDate(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(text.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out instant) && Limits.InRange(instant);

    public static string HttpDate(DateTimeOffset instant) => instant.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    public static bool TryParseAxis(string? text, out Axis axis)
    {
        axis = Axis.Source;
        return text is null || Enum.TryParse(text, ignoreCase: true, out axis) && Enum.IsDefined(axis) && !int.TryParse(text, out _);
    }

    static bool HasZone(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
