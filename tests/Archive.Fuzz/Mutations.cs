using System.Text;
using CsCheck;

namespace Archive.Fuzz;

/// <summary>
/// Inputs as a fuzzer makes them: a real input with one to eight edits, each drawn by CsCheck
/// (so a run is reproducible from its seed): bits flipped, bytes set to edge values, ranges
/// deleted or repeated, the target's own words spliced in, two seeds crossed, and now and then a
/// run of up to 100,000 of one character, where backtracking parsers blow up.
/// </summary>
public static class Mutations
{
    readonly record struct Edit(int Kind, double At, int Length, int Value);

    static readonly byte[] EdgeBytes = [0x00, 0x01, 0x0a, 0x0d, 0x20, 0x22, 0x27, 0x2c, 0x2d, 0x3a, 0x3c, 0x3e, 0x5c, 0x7f, 0x80, 0xc3, 0xef, 0xfe, 0xff];
    static readonly char[] RunChars = [' ', ',', '-', '0', '9', 'a', '.', '\t', '\n', '<', '"', 'D'];

    static readonly Gen<Edit> AnEdit = Gen.Select(Gen.Frequency((200, Gen.Int[0, 5]), (1, Gen.Const(6))), Gen.Double[0, 1], Gen.Int[1, 64], Gen.Int[0, int.MaxValue],
        (kind, at, length, value) => new Edit(kind, at, length, value));

    public static Gen<byte[]> Of(FuzzTarget target)
    {
        var seeds = target.Seeds();
        if (seeds.Count == 0) throw new InvalidOperationException($"{target.Name} has no input to start from: it {SharedFixtures.Reason()}");
        var tokens = target.Tokens.Select(Encoding.UTF8.GetBytes).ToArray();
        return Gen.Select(Gen.Int[0, seeds.Count - 1], Gen.Int[0, seeds.Count - 1], AnEdit.Array[1, 8],
            (first, second, edits) => Apply(seeds[first], seeds[second], edits, tokens));
    }

    static byte[] Apply(byte[] seed, byte[] other, Edit[] edits, byte[][] tokens)
    {
        var bytes = new List<byte>(seed);
        foreach (var edit in edits)
        {
            var at = (int)(edit.At * bytes.Count);
            var length = Math.Min(edit.Length, bytes.Count - at);
            switch (edit.Kind)
            {
                case 0 when at < bytes.Count:
                    bytes[at] ^= (byte)(1 << (edit.Value % 8));
                    break;
                case 1 when at < bytes.Count:
                    bytes[at] = EdgeBytes[edit.Value % EdgeBytes.Length];
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Max(0, length));
                    break;
                case 3 when length > 0:
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case 4 when tokens.Length > 0:
                    bytes.InsertRange(at, tokens[edit.Value % tokens.Length]);
                    break;
                case 5:
                    var from = (int)((edit.Value % 1000) / 1000.0 * other.Length);
                    bytes.InsertRange(at, other.AsSpan(from, Math.Min(edit.Length * 16, other.Length - from)).ToArray());
                    break;
                case 6:
                    var run = RunChars[edit.Value % RunChars.Length];
                    bytes.InsertRange(at, Enumerable.Repeat((byte)run, 1 + edit.Value % 100_000));
                    break;
            }
        }
        return [.. bytes];
    }
}
