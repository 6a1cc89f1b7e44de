namespace Archive.Content.Input;

/// <summary>
/// The ranges values must fall in to be taken in. Anything outside is refused with its reason,
/// never stored: an instant in year 1 or 9999 has no place in parliamentary history and
/// overflows every calculation that moves it by a day or a zone.
/// </summary>
public static class Limits
{
    /// <summary>The earliest moment the Archive accepts: 1800-01-01T00:00Z (the Tweede Kamer dates from 1815).</summary>
    public static readonly DateTimeOffset Earliest = new(1800, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first moment the Archive no longer accepts: 2200-01-01T00:00Z.</summary>
    public static readonly DateTimeOffset End = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const string TimeRange = "between 1800-01-01 and 2199-12-31";
    public const string TimeRangeInDutch = "tussen 1800-01-01 en 2199-12-31";

    /// <summary>Source versions (versie, versienummer): 0 (none yet) to 99,999.</summary>
    public const int MaxVersion = 99_999;

    /// <summary>A titel, onderwerp or dossier title: real ones stay under 600 characters.</summary>
    public const int MaxHeadingLength = 4_000;

    /// <summary>A document kind (soort): real ones stay under 60 characters.</summary>
    public const int MaxKindLength = 200;

    /// <summary>Case numbers on one document.</summary>
    public const int MaxCases = 1_000;

    public static bool InRange(DateTimeOffset instant) => instant >= Earliest && instant < End;

    public static bool InRange(DateOnly date) => date.Year is >= 1800 and < 2200;

    /// <summary>Whether a year is one whose dates can be read at all (so that no arithmetic on it overflows).</summary>
    public static bool InRange(int year) => year is >= 1800 and < 2200;

    public static bool IsVersion(long version) => version is >= 0 and <= MaxVersion;
}
