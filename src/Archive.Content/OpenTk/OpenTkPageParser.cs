using System.Globalization;
using System.Text.RegularExpressions;
using Archive.Content.Documents;
using Archive.Content.Input;
using Archive.Content.Text;

namespace Archive.Content.OpenTk;

/// <summary>
/// Reads the text export of an OpenTK document page: menu lines, onderwerp, titel, kind,
/// the <c>Nummer: …, datum: …, bijgewerkt: …, versie: …</c> line, dossier and zaak lines,
/// then the body after <c>Preview document (🔗 origineel)</c>, footnotes last.
/// </summary>
public static partial class OpenTkPageParser
{
    /// <summary>The page parser as the reader of an OpenTK page, which is its own original: what a revision records as its reading.</summary>
    public const string ReaderId = "opentk-page/1";

    public static ParseResult<OpenTkPage> Parse(string page)
    {
        var lines = page.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).ToArray();
        var numberLine = Array.FindIndex(lines, l => NumberLine.Read(l) is not null);
        if (numberLine < 0)
            return Fail("the page has no 'Nummer: …, datum: …' line, so it is not an OpenTK document page");

        var header = NumberLine.Read(lines[numberLine])!;
        if (Identifiers.DocumentProblem(header.Number) is { } badNumber)
            return Fail(badNumber);
        if (!DutchTime.TryParseDate(header.Date, out var date))
            return Fail($"datum {Identifiers.Quoted(header.Date)} is not a valid date (expected yyyy-MM-dd, {Limits.TimeRange})");
        if (header.Updated is not { } updatedRaw)
            return Fail("the Nummer line has no 'bijgewerkt: …' time, so the revision cannot be placed in time");
        if (!DutchTime.TryParseLocal(updatedRaw, out var updatedAt))
            return Fail($"bijgewerkt {Identifiers.Quoted(updatedRaw)} is not a valid time (expected yyyy-MM-dd HH:mm, Dutch local time, {Limits.TimeRange})");
        if (header.Version is not { } versionText)
            return Fail("the Nummer line has no 'versie: N'");
        if (!long.TryParse(versionText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var version) || !Limits.IsVersion(version))
            return Fail($"versie {Identifiers.Quoted(versionText)} is not a version number (expected a whole number from 0 to {Limits.MaxVersion:N0})");

        var preview = Array.FindIndex(lines, numberLine, l => l.StartsWith("Preview document", StringComparison.Ordinal));
        var between = lines[(numberLine + 1)..(preview < 0 ? lines.Length : preview)];
        var body = preview < 0 ? "" : NormalisedText.Normalise(string.Join('\n', lines[(preview + 1)..]));
        var (subject, title, kind) = Headings(lines[..numberLine]);

        var metadata = new DocumentMetadata(header.Number, kind, title, subject, date, Dossier(between), Cases(between)).Normalised();
        if (RevisionInput.Problem(metadata, version, updatedAt) is { } problem) return Fail(problem);
        return ParseResult<OpenTkPage>.Ok(new OpenTkPage(metadata, (int)version, updatedAt, updatedRaw, body, Footnotes(body)));
    }

    static ParseResult<OpenTkPage> Fail(string reason) => ParseResult<OpenTkPage>.Fail(reason);

    /// <summary>Onderwerp, titel and (where the page has it) kind: the text lines after the menu.</summary>
    static (string? Subject, string? Title, string? Kind) Headings(string[] beforeNumber)
    {
        var texts = beforeNumber.Where(l => l.Length > 0 && !l.StartsWith('[')).Select(l => l.Trim()).ToArray();
        return (texts.ElementAtOrDefault(0), texts.ElementAtOrDefault(1), texts.ElementAtOrDefault(2));
    }

    static DossierReference? Dossier(string[] lines)
    {
        var match = lines.Select(l => DossierLine().Match(l)).FirstOrDefault(m => m.Success);
        if (match is null) return null;
        var addition = match.Groups["toev"].Value.Trim(' ', '-');
        int? sequence = match.Groups["vol"].Success && int.TryParse(match.Groups["vol"].Value, CultureInfo.InvariantCulture, out var vol) ? vol : null;
        var title = match.Groups["title"].Value.Trim().TrimEnd('.');
        return new DossierReference(match.Groups["nr"].Value, addition.Length == 0 ? null : addition, sequence, title.Length == 0 ? null : title);
    }

    static string[] Cases(string[] lines) =>
        lines.Where(l => l.StartsWith("Onderdeel van zaak", StringComparison.Ordinal))
            .SelectMany(l => CaseNumber().Matches(l).Select(m => m.Value))
            .ToArray();

    /// <summary>The numbered notes that end the body, each marked with a return arrow.</summary>
    static IReadOnlyList<Footnote> Footnotes(string body)
    {
        var notes = new List<Footnote>();
        foreach (var line in body.Split('\n').Reverse())
        {
            if (line.Length == 0) continue;
            var match = FootnoteLine().Match(line);
            if (!match.Success) break;
            if (!int.TryParse(match.Groups["n"].Value, CultureInfo.InvariantCulture, out var number)) break;
            notes.Add(new Footnote(number, match.Groups["text"].Value.Trim()));
        }
        notes.Reverse();
        return notes;
    }

    // NonBacktracking: linear in the line's length, whatever runs of spaces it holds (captures are trimmed after).
    [GeneratedRegex(@"^Onderdeel van kamerstukdossier\s+(?<nr>\d{1,6})(?:\s*(?<toev>[^-]*?)\s+-(?<vol>\d{1,7})|)\s*(?<title>.*)$", RegexOptions.NonBacktracking)]
    private static partial Regex DossierLine();

    [GeneratedRegex(@"\b\d{4}Z\d{5}\b")]
    private static partial Regex CaseNumber();

    [GeneratedRegex(@"^\s*(?<n>\d{1,6})\.\s+(?<text>.*?)\s*↩[\uFE0E\uFE0F]?$", RegexOptions.NonBacktracking)]
    private static partial Regex FootnoteLine();

    /// <summary>
    /// <c>Nummer: 2026D04632, datum: 2026-02-02, bijgewerkt: 2026-02-02 09:51, versie: 2</c>, read by
    /// splitting on commas (no regex: a line of any length and any run of spaces is read in one pass).
    /// Null when the line is not one: it must start with Nummer and datum, then bijgewerkt and versie may follow, in that order.
    /// </summary>
    sealed record NumberLine(string Number, string Date, string? Updated, string? Version)
    {
        public static NumberLine? Read(string line)
        {
            var trimmed = line.AsSpan().TrimStart();
            if (!trimmed.StartsWith("Nummer:", StringComparison.Ordinal)) return null;
            var parts = trimmed.ToString().Split(',');
            if (parts.Length is < 2 or > 4) return null;
            var number = parts[0]["Nummer:".Length..].Trim();
            if (number.Length == 0 || number.Any(char.IsWhiteSpace)) return null;
            if (Value(parts[1], "datum:") is not { } date) return null;
            string? updated = null, version = null;
            var next = 2;
            if (next < parts.Length && Value(parts[next], "bijgewerkt:") is { } u) (updated, next) = (u, next + 1);
            if (next < parts.Length && Value(parts[next], "versie:") is { } v) (version, next) = (v, next + 1);
            return next == parts.Length ? new NumberLine(number, date, updated, version) : null;
        }

        static string? Value(string part, string key)
        {
            var text = part.TrimStart();
            return text.StartsWith(key, StringComparison.Ordinal) ? text[key.Length..].Trim() : null;
        }
    }
}
