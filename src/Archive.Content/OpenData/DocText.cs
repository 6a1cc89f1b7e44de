using Archive.Content.OpenTk;
using Archive.Content.Text;

namespace Archive.Content.OpenData;

/// <summary>
/// The text of a Word 97-2003 .doc, as the portal still serves for older documents, read by Debian's
/// antiword (no maintained .NET library reads .doc well): paragraphs with a blank line between them,
/// the paragraphs of table cells as paragraphs of their own (row by row, cell by cell), footnote
/// references as their number and the footnotes at the end, numbered, as <see cref="DocxText"/> gives them.
/// antiword's DocBook output keeps paragraphs and cells apart, where its text output draws tables as
/// boxes whose rows it wraps and cannot tell apart; but only its text output has the footnotes' text.
/// </summary>
public static class DocText
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    public const int MaxTextBytes = 64 * 1024 * 1024;

    /// <param name="antiword">The converter to run: its name on the PATH, or a path.</param>
    public static ParseResult<string> Extract(Stream doc, string antiword = "antiword")
    {
        var file = "";
        try
        {
            // antiword reads a file it can seek in, not standard input.
            file = Path.GetTempFileName();
            using (var copy = File.OpenWrite(file)) doc.CopyTo(copy);
            return Read(antiword, file);
        }
        catch (IOException e)
        {
            return ParseResult<string>.Fail($"the file could not be handed to antiword ({e.Message})");
        }
        finally
        {
            if (file.Length > 0) File.Delete(file);
        }
    }

    static ParseResult<string> Read(string antiword, string file)
    {
        var docBook = Run(antiword, file, ["-x", "db"]);
        if (docBook.Value is null) return docBook;
        if (AntiwordDocBook.Read(docBook.Value) is not { } body) return ParseResult<string>.Fail($"{antiword} printed no readable DocBook for the file");
        return body.Footnotes == 0 ? ParseResult<string>.Ok(body.Text) : WithFootnotes(antiword, file, body.Text);
    }

    static ParseResult<string> WithFootnotes(string antiword, string file, string body)
    {
        var text = Run(antiword, file, ["-m", "UTF-8.txt", "-w", "0"]);
        if (text.Value is null) return text;
        var notes = AntiwordNotes.Read(text.Value).Select((note, k) => $"{k + 1}. {note}");
        return ParseResult<string>.Ok(NormalisedText.Normalise(body + "\n" + string.Join('\n', notes)));
    }

    /// <summary>antiword names the file in what it says: the name of a temporary file helps nobody.</summary>
    static ParseResult<string> Run(string antiword, string file, string[] options)
    {
        var result = ConverterProcess.Run(antiword, "antiword", [.. options, file], Timeout, MaxTextBytes);
        return result.Error is { } error ? ParseResult<string>.Fail(error.Replace(file, "the file", StringComparison.Ordinal)) : result;
    }
}
