using System.Text.RegularExpressions;

namespace Archive.Content.Structure;

/// <summary>A part of a document a reader would name: "VVD, vraag 7", its answer, "voetnoot 3".</summary>
/// <param name="Label">How a reader names it: "VVD, vraag 7", "VVD, vraag 7: antwoord", "Inleiding".</param>
/// <param name="FirstLine">Zero-based index of its first line in the text.</param>
public sealed record StructureUnit(string Label, string Kind, int FirstLine, int LastLine);

/// <summary>
/// Finds the parts of a parliamentary document in its text: the sections of each party's
/// contribution ("Inbreng leden van de VVD-fractie"), the questions and the cabinet's answers
/// within them ("Antwoord van het kabinet:"), the government's reaction, and the footnotes.
/// Computed on read, never stored, so a better parser improves all history at once.
/// </summary>
public static partial class DocumentStructure
{
    public static IReadOnlyList<StructureUnit> Parse(IReadOnlyList<string> lines)
    {
        var units = new List<StructureUnit>();
        var footnotesFrom = FootnotesStart(lines);
        var section = "Inleiding";
        var sectionStart = 0;
        for (var k = 0; k <= footnotesFrom; k++)
        {
            var heading = k < footnotesFrom ? SectionName(lines[k]) : null;
            if (heading is null && k < footnotesFrom) continue;
            AddSection(units, lines, section, sectionStart, k - 1);
            (section, sectionStart) = (heading ?? "", k);
        }
        for (var k = footnotesFrom; k < lines.Count; k++)
            if (lines[k].Contains('↩') && Footnote().Match(lines[k]) is { Success: true } note)
                units.Add(new StructureUnit($"voetnoot {note.Groups[1].Value}", "voetnoot", k, k));
        return units;
    }

    /// <summary>For each line, the narrowest unit that holds it (or null): one lookup per line after this.</summary>
    public static StructureUnit?[] ByLine(IReadOnlyList<StructureUnit> units, int lineCount)
    {
        var byLine = new StructureUnit?[lineCount];
        foreach (var unit in units.OrderByDescending(u => u.LastLine - u.FirstLine))
            for (var k = unit.FirstLine; k <= Math.Min(unit.LastLine, lineCount - 1); k++) byLine[k] = unit;
        return byLine;
    }

    /// <summary>Headings and answer markers are short lines; paragraphs of text are not read by the patterns at all.</summary>
    const int LongestHeading = 300;

    /// <summary>
    /// Each pattern is tried only on lines that hold a word it cannot match without (a search for
    /// a fixed word is many times faster than the pattern): most lines are plain text.
    /// </summary>
    static string? SectionName(string line)
    {
        if (line.Length > LongestHeading) return null;
        if (line.Contains("-fractie", StringComparison.Ordinal) && Contribution().Match(line) is { Success: true } m) return m.Groups["party"].Value;
        if (line.Contains("reactie van de", StringComparison.OrdinalIgnoreCase) && Reaction().IsMatch(line)) return "Reactie";
        return null;
    }

    static bool IsAnswerMarker(string line) =>
        line.Length <= LongestHeading && line.Contains("antwoord", StringComparison.OrdinalIgnoreCase) && AnswerMarker().IsMatch(line);

    static bool IsFootnote(string line) => line.Contains('↩') && Footnote().IsMatch(line);

    /// <summary>A section, and inside it each question (the paragraph before an answer marker) and its answer.</summary>
    static void AddSection(List<StructureUnit> units, IReadOnlyList<string> lines, string name, int first, int last)
    {
        if (last < first) return;
        units.Add(new StructureUnit(name, "sectie", first, last));
        var markers = Enumerable.Range(first, last - first + 1).Where(k => IsAnswerMarker(lines[k])).ToList();
        var questionLines = markers.Select(m => PreviousText(lines, m, first)).ToList();
        for (var n = 0; n < markers.Count; n++)
        {
            var answerEnd = n + 1 < markers.Count ? questionLines[n + 1] - 1 : last;
            if (questionLines[n] >= 0) units.Add(new StructureUnit($"{name}, vraag {n + 1}", "vraag", questionLines[n], questionLines[n]));
            units.Add(new StructureUnit($"{name}, vraag {n + 1}: antwoord", "antwoord", markers[n], Math.Max(markers[n], answerEnd)));
        }
    }

    static int PreviousText(IReadOnlyList<string> lines, int from, int first)
    {
        for (var k = from - 1; k >= first; k--)
            if (!string.IsNullOrWhiteSpace(lines[k])) return k;
        return -1;
    }

    static int FootnotesStart(IReadOnlyList<string> lines)
    {
        var start = lines.Count;
        for (var k = lines.Count - 1; k >= 0; k--)
        {
            if (string.IsNullOrWhiteSpace(lines[k])) continue;
            if (!IsFootnote(lines[k])) break;
            start = k;
        }
        return start;
    }

    [GeneratedRegex(@"^\s*(?:Inbreng|Vragen en opmerkingen)(?: van de)? leden van de (?<party>.+?)-fractie\s*$|^\s*Inbreng (?:van de )?(?<party>.+?)-fractie\s*$", RegexOptions.NonBacktracking)]
    private static partial Regex Contribution();

    [GeneratedRegex(@"^\s*(?:[IVX]+\.\s*)?Reactie van de (?:staatssecretaris|minister|bewindspersoon)", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Reaction();

    [GeneratedRegex(@"^\s*(?:\d+\.\s*)?Antwoord(?: van het kabinet)?\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex AnswerMarker();

    [GeneratedRegex(@"^\s*(\d+)\.\s+.*↩[\uFE0E\uFE0F]?\s*$", RegexOptions.NonBacktracking)]
    private static partial Regex Footnote();
}
