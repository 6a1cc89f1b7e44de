using System.Security.Cryptography;
using System.Text;

namespace Archive.Content.Text;

/// <summary>
/// The one definition of "the same text": no control characters but tab and newline (<see cref="Input.CleanText"/>), Unicode NFC, LF line endings, no trailing whitespace
/// on a line, no blank lines before the first or after the last line, and one final newline.
/// Nothing here touches a word, so two texts that normalise alike read alike.
/// </summary>
public static class NormalisedText
{
    public static string Normalise(string text)
    {
        var lines = Input.CleanText.Clean(text.TrimStart('\uFEFF')).Normalize(NormalizationForm.FormC)
            .ReplaceLineEndings("\n").Split('\n')
            .Select(line => line.TrimEnd())
            .SkipWhile(line => line.Length == 0)
            .ToList();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines.Count == 0 ? "" : string.Join('\n', lines) + "\n";
    }

    /// <summary>SHA-256 of the UTF-8 bytes of the normalised text, lower-case hex.</summary>
    public static string Hash(string text) => Sha256(Normalise(text));

    public static string Sha256(string value) => Sha256(Encoding.UTF8.GetBytes(value));

    public static string Sha256(ReadOnlySpan<byte> bytes) =>
        Convert.ToHexStringLower(SHA256.HashData(bytes));
}
