using System.Globalization;
using System.Text.RegularExpressions;
using Archive.Content.Documents;
using Archive.Content.Text;

namespace Archive.Content.OpenTk;

/// <summary>
/// Reads the text export of an OpenTK document page: menu lines, onderwerp, titel, kind,
/// the <c>Nummer: …, datum: …, bijgewerkt: …, versie: …</c> line, dossier and zaak lines,
/// then the body after <c>Preview document (🔗 origineel)</c>, footnotes last.
/// </summary>
public static partial class OpenTkPageParser
{
    public static ParseResult<OpenTkPage> Parse(string page)
    {
        var lines = page.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).ToArray();
        var numberLine = Array.FindIndex(lines, l => NumberLine().IsMatch(l));
        if (numberLine < 0)
            return Fail("the page has no 'Nummer: …, datum: …' line, so it is not an OpenTK document page");

        var header = NumberLine().Match(lines[numberLine]);
        var number = header.Groups["nr"].Value;
        if (!DocumentNumber().IsMatch(number))
            return Fail($"'{number}' is not a document number (expected letters and digits, such as 2026D04632)");
        if (!DutchTime.TryParseDate(header.Groups["datum"].Value, out var date))
            return Fail($"datum '{header.Groups["datum"].Value}' is not a valid date (expected yyyy-MM-dd)");
        if (!header.Groups["bijgewerkt"].Success)
            return Fail("the Nummer line has no 'bijgewerkt: …' time, so the revision cannot be placed in time");
        var updatedRaw = header.Groups["bijgewerkt"].Value;
        if (!DutchTime.TryParseLocal(updatedRaw, out var updatedAt))
            return Fail($"bijgewerkt '{updatedRaw}' is not a valid time (expected yyyy-MM-dd HH:mm, Dutch local time)");
        if (!header.Groups["versie"].Success || !int.TryParse(header.Groups["versie"].Value, CultureInfo.InvariantCulture, out var version))
            return Fail("the Nummer line has no 'versie: N'");

        var preview = Array.FindIndex(lines, numberLine, l => l.StartsWith("Preview document", StringComparison.Ordinal));
        var between = lines[(numberLine + 1)..(preview < 0 ? lines.Length : preview)];
        var body = preview < 0 ? "" : NormalisedText.Normalise(string.Join('\n', lines[(preview + 1)..]));
        var (subject, title, kind) = Headings(lines[..numberLine]);

        var metadata = new DocumentMetadata(number, kind, title, subject, date, Dossier(between), Cases(between));
        return ParseResult<OpenTkPage>.Ok(new OpenTkPage(metadata.Normalised(), version, updatedAt, updatedRaw, body, Footnotes(body)));
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
        int? sequence = match.Groups["vol"].Success ? int.Parse(match.Groups["vol"].Value, CultureInfo.InvariantCulture) : null;
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
            notes.Add(new Footnote(int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture), match.Groups["text"].Value.Trim()));
        }
        notes.Reverse();
        return notes;
    }

    [GeneratedRegex(@"^\s*Nummer:\s*(?<nr>[^,\s]+)\s*,\s*datum:\s*(?<datum>[^,]*?)\s*(?:,\s*bijgewerkt:\s*(?<bijgewerkt>[^,]*?)\s*)?(?:,\s*versie:\s*(?<versie>[^,]*?)\s*)?$")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{2,39}$")]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"^Onderdeel van kamerstukdossier\s+(?<nr>\d+)(?:\s*(?<toev>[^-]*?)\s+-(?<vol>\d+)|)\s*(?<title>.*)$")]
    private static partial Regex DossierLine();

    [GeneratedRegex(@"\b\d{4}Z\d{5}\b")]
    private static partial Regex CaseNumber();

    [GeneratedRegex(@"^\s*(?<n>\d+)\.\s+(?<text>.*?)\s*↩[\uFE0E\uFE0F]?$")]
    private static partial Regex FootnoteLine();
}
