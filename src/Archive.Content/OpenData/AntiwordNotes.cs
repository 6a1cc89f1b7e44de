using System.Text.RegularExpressions;

namespace Archive.Content.OpenData;

/// <summary>
/// The footnotes in antiword's text output (<c>antiword -w 0</c>), which its DocBook output leaves
/// empty: after the body, a line of dashes, then "[1]", a tab and the note, a note's further
/// paragraphs on lines of their own, up to the next line of dashes (endnotes, text boxes) or the end.
/// </summary>
static partial class AntiwordNotes
{
    public static List<string> Read(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var notes = new List<string>();
        for (var k = Start(lines); k < lines.Length && !Separator(lines[k]); k++)
        {
            if (Note().Match(lines[k]) is { Success: true } note) notes.Add(note.Groups["text"].Value.Trim());
            else if (notes.Count > 0 && lines[k].Trim().Length > 0) notes[^1] = $"{notes[^1]} {lines[k].Trim()}";
        }
        return notes;
    }

    /// <summary>The line after the separator that the first note follows; past the end when there is none.</summary>
    static int Start(string[] lines)
    {
        for (var k = 0; k < lines.Length; k++)
        {
            if (!Separator(lines[k])) continue;
            var next = Array.FindIndex(lines, k + 1, line => line.Trim().Length > 0);
            if (next > 0 && lines[next].StartsWith("[1]", StringComparison.Ordinal)) return next;
        }
        return lines.Length;
    }

    static bool Separator(string line) => line.Length >= 10 && line.All(c => c == '-');

    [GeneratedRegex(@"^\[(?<number>\d+)\]\s*(?<text>.*)$")]
    private static partial Regex Note();
}
