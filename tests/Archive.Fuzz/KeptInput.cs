using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Archive.Fuzz;

/// <summary>
/// A kept input (the corpus in tests/Archive.Tests/Fixtures/fuzz) that was made from a real file is
/// not kept as its bytes, for those are the real file's bytes with a few edits, and real files are
/// never committed (shared/fixtures/README.md). It is kept as a delta against the real files,
/// <c>&lt;kind&gt;-&lt;hash&gt;.delta</c>, an operation a line: <c>copy FILE OFFSET LENGTH</c> (FILE under
/// ../shared/fixtures), <c>bytes HEX</c>, <c>fill HEX COUNT</c> (one byte repeated); rebuilt where the
/// shared fixtures are there. Any other input stays <c>&lt;kind&gt;-&lt;hash&gt;.bin</c>, its bytes.
/// </summary>
public static class KeptInput
{
    const int Block = 16;

    /// <summary>Copied bytes of real files from which an input is kept as a delta.</summary>
    const int RealBytes = 256;

    const string Header = "# A kept fuzz input, rebuilt from the real files under ../shared/fixtures (not in the repository): copy FILE OFFSET LENGTH | bytes HEX | fill HEX COUNT";

    /// <summary>The input as a delta against the real files, or null when it holds less than <see cref="RealBytes"/> bytes of them.</summary>
    public static string? Delta(byte[] input, IReadOnlyList<(string Name, byte[] Bytes)> real)
    {
        var index = new Dictionary<(ulong, ulong), (int File, int Offset)>();
        for (var f = 0; f < real.Count; f++)
            for (var o = 0; o + Block <= real[f].Bytes.Length; o += Block)
                index.TryAdd(Key(real[f].Bytes, o), (f, o));
        var lines = new List<string> { Header };
        var literal = new List<byte>();
        var copied = 0;
        var i = 0;
        while (i < input.Length)
        {
            if (i + Block > input.Length || !index.TryGetValue(Key(input, i), out var at))
            {
                literal.Add(input[i++]);
                continue;
            }
            var source = real[at.File].Bytes;
            var back = 0;
            while (back < literal.Count && at.Offset - back > 0 && source[at.Offset - back - 1] == input[i - back - 1]) back++;
            literal.RemoveRange(literal.Count - back, back);
            var (from, start) = (at.Offset - back, i - back);
            var length = back + Block;
            while (from + length < source.Length && start + length < input.Length && source[from + length] == input[start + length]) length++;
            Literal(lines, literal);
            lines.Add($"copy {real[at.File].Name} {from} {length}");
            copied += length;
            i = start + length;
        }
        Literal(lines, literal);
        return copied < RealBytes ? null : string.Join('\n', lines) + "\n";
    }

    /// <summary>The bytes a delta describes; <paramref name="read"/> reads a real file by its name under shared/fixtures.</summary>
    public static byte[] Rebuild(string delta, Func<string, byte[]> read)
    {
        var files = new Dictionary<string, byte[]>();
        var bytes = new List<byte>();
        foreach (var line in delta.Split('\n'))
        {
            var words = line.Split(' ');
            switch (words[0])
            {
                case "copy":
                    if (!files.TryGetValue(words[1], out var file)) files[words[1]] = file = read(words[1]);
                    bytes.AddRange(file.AsSpan(Number(words[2]), Number(words[3])).ToArray());
                    break;
                case "bytes":
                    bytes.AddRange(Convert.FromHexString(words[1]));
                    break;
                case "fill":
                    bytes.AddRange(Enumerable.Repeat(Convert.FromHexString(words[1])[0], Number(words[2])));
                    break;
                case "" or "#":
                    break;
                default:
                    throw new FormatException($"not a line of a kept input's delta: '{line}'");
            }
        }
        return [.. bytes];
    }

    /// <summary>A kept input's bytes: a .delta rebuilt from the shared fixtures (which must be there), anything else as it is.</summary>
    public static byte[] Read(string path) =>
        path.EndsWith(".delta", StringComparison.Ordinal)
            ? Rebuild(File.ReadAllText(path), name => File.ReadAllBytes(SharedFixtures.PathOf(name)
                ?? throw new FileNotFoundException($"{Path.GetFileName(path)} {SharedFixtures.Reason()}")))
            : File.ReadAllBytes(path);

    static void Literal(List<string> lines, List<byte> literal)
    {
        var k = 0;
        while (k < literal.Count)
        {
            var run = 1;
            while (k + run < literal.Count && literal[k + run] == literal[k]) run++;
            if (run >= Block)
            {
                lines.Add($"fill {literal[k]:x2} {run}");
                k += run;
                continue;
            }
            var end = k;
            var text = new StringBuilder();
            // Up to 64 bytes a line, and no run long enough for a fill of its own.
            while (end < literal.Count && end - k < 64)
            {
                var next = 1;
                while (end + next < literal.Count && literal[end + next] == literal[end]) next++;
                if (next >= Block && end > k) break;
                text.Append(literal[end].ToString("x2", CultureInfo.InvariantCulture));
                end++;
            }
            lines.Add($"bytes {text}");
            k = end;
        }
        literal.Clear();
    }

    static (ulong, ulong) Key(byte[] bytes, int at) =>
        (BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(at)), BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(at + 8)));

    static int Number(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
