namespace Archive.Content.Input;

/// <summary>
/// The shapes of the Tweede Kamer's identifiers, as the portal writes them, checked the same way
/// wherever one comes in (a page, the SyncFeed, a URL). Plain character checks, no regex: nothing
/// here can take longer than the length of its input.
/// </summary>
public static class Identifiers
{
    public const string DocumentShape = "a document number: four digits of the year, 'D' and five or six digits, such as 2026D04632";
    public const string DossierShape = "a Kamerstukdossier number: one to six digits, such as 36180";
    public const string AdditionShape = "a dossier toevoeging: up to 20 letters, digits, spaces, dots or hyphens, such as XII or R2043";
    public const string CaseShape = "a zaak number: four digits of the year, 'Z' and five or six digits, such as 2026Z02003";

    /// <summary>2026D04632: year, D, a serial number.</summary>
    public static bool IsDocumentNumber(string? text) => YearLetterSerial(text, 'D');

    /// <summary>2026Z02003: year, Z, a serial number.</summary>
    public static bool IsCaseNumber(string? text) => YearLetterSerial(text, 'Z');

    /// <summary>36180 (of 36180-196, a Kamerstuk, or 21501-02, a dossier with toevoeging 02).</summary>
    public static bool IsDossierNumber(string? text) =>
        text is { Length: >= 1 and <= 6 } && text.All(char.IsAsciiDigit);

    /// <summary>XII (36200 XII), 02 (21501-02), R2043, A.</summary>
    public static bool IsDossierAddition(string? text) =>
        text is { Length: >= 1 and <= 20 } && text.All(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or '-');

    /// <summary>The reason a document number is refused, quoted safely, or null when it is one.</summary>
    public static string? DocumentProblem(string? text) =>
        IsDocumentNumber(text) ? null : $"{Quoted(text)} is not {DocumentShape}";

    public static string? DossierProblem(string? text) =>
        IsDossierNumber(text) ? null : $"{Quoted(text)} is not {DossierShape}";

    /// <summary>
    /// A value as it may appear in a message: at most 60 characters, control characters as \uXXXX,
    /// so that a refused identifier cannot forge a line of a log or a header.
    /// </summary>
    public static string Quoted(string? text)
    {
        if (text is null) return "(nothing)";
        var shown = text.Length > 60 ? text[..60] + $"… ({text.Length:N0} characters)" : text;
        var builder = new System.Text.StringBuilder(shown.Length + 2).Append('\'');
        foreach (var c in shown)
            if (char.IsControl(c) || char.IsSurrogate(c)) builder.Append($"\\u{(int)c:X4}");
            else builder.Append(c);
        return builder.Append('\'').ToString();
    }

    static bool YearLetterSerial(string? text, char letter)
    {
        if (text is not { Length: 10 or 11 } || text[4] != letter) return false;
        for (var i = 0; i < text.Length; i++)
            if (i != 4 && !char.IsAsciiDigit(text[i])) return false;
        return true;
    }
}
