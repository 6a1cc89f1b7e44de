using System.Globalization;
using Archive.Content.Documents;

namespace Archive.Content.OpenData;

/// <summary>
/// The portal's timestamps come in three forms: with "Z", with an offset, or (older data) with
/// no zone and seven fractional digits, which is Dutch local time. All become instants.
/// </summary>
public static class TkTime
{
    public static bool TryParse(string? text, out SourceTime time)
    {
        time = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var raw = text.Trim();
        if (HasZone(raw))
        {
            if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var instant) || !Input.Limits.InRange(instant)) return false;
            time = new SourceTime(instant, raw);
            return true;
        }
        if (!DutchTime.TryParseLocal(raw, out var local)) return false;
        time = new SourceTime(local, raw);
        return true;
    }

    static bool HasZone(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
