using System.Diagnostics;
using Archive.Content.Diffing;
using Archive.Content.OpenTk;
using CsCheck;

namespace Archive.Tests.Diffing;

/// <summary>
/// Properties over random insertions, deletions, moves and whitespace edits of the fixture's own
/// paragraphs: the inline ops replay to both texts, and GNU patch (really run) applies the
/// unified patch to the older text to give the newer one byte for byte.
/// </summary>
public class when_diffing_random_edits_of_real_paragraphs
{
    static readonly string[] Paragraphs = Content.Diffing.Tokens.Lines(OpenTkPageParser.Parse(Fixture.Text("2026D04632-v1.txt")).Value!.Body)
        .Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();

    sealed record Edit(int Kind, int X, int Y);

    static readonly Gen<Edit> AnEdit = Gen.Select(Gen.Int[0, 7], Gen.Int[0, 100_000], Gen.Int[0, 100_000], (k, x, y) => new Edit(k, x, y));

    static readonly Gen<(string Old, string New, Granularity Granularity)> APair =
        Gen.Select(Gen.Int[0, Paragraphs.Length - 1], Gen.Int[0, 14], AnEdit.Array[0, 10], Gen.Int[0, 2], (start, count, edits, g) =>
        {
            var lines = Paragraphs.Skip(start).Take(count).SelectMany(p => new[] { p, "\n" }).ToList();
            var old = string.Concat(lines);
            foreach (var edit in edits) Apply(lines, edit);
            return (old, string.Concat(lines), (Granularity)g);
        });

    static void Apply(List<string> lines, Edit e)
    {
        int At(int v, int extra = 0) => lines.Count + extra == 0 ? 0 : v % (lines.Count + extra);
        switch (e.Kind)
        {
            case 0: lines.Insert(At(e.Y, 1), Paragraphs[e.X % Paragraphs.Length]); break;
            case 1 when lines.Count > 0: lines.RemoveAt(At(e.X)); break;
            case 2 when lines.Count > 1:
                var moved = lines[At(e.X)];
                lines.RemoveAt(At(e.X));
                lines.Insert(At(e.Y, 1), moved);
                break;
            case 3 when lines.Count > 0: lines[At(e.X)] = EditWords(lines[At(e.X)], e.Y); break;
            case 4 when lines.Count > 0: lines[At(e.X)] = EditWhitespace(lines[At(e.X)], e.Y); break;
            case 5 when lines.Count > 0: lines[^1] = lines[^1].TrimEnd('\n'); break;
            case 6: lines.Insert(At(e.Y, 1), e.X % 2 == 0 ? "\n" : "  \n"); break;
        }
    }

    static string EditWords(string line, int seed)
    {
        var words = line.Split(' ').ToList();
        var at = seed % words.Count;
        switch (seed % 3)
        {
            case 0: words.Insert(at, "toegevoegd"); break;
            case 1 when words.Count > 1: words.RemoveAt(at); break;
            default: words[at] = "vervangen" + (words[at].EndsWith('\n') ? "\n" : ""); break;
        }
        return string.Join(' ', words);
    }

    static string EditWhitespace(string line, int seed)
    {
        var at = seed % Math.Max(1, line.Length);
        return (seed % 4) switch
        {
            0 => line.Insert(at, " "),
            1 => line.Insert(at, "\t"),
            2 => line.TrimEnd('\n') + "  " + (line.EndsWith('\n') ? "\n" : ""),
            _ => line.Insert(at, "\u00A0"),
        };
    }

    [Fact]
    public void the_inline_ops_replay_to_both_texts() =>
        APair.Sample(pair =>
        {
            var diff = TextDiffer.Compare(pair.Old, pair.New, new DiffOptions { Granularity = pair.Granularity });
            var ops = diff.InlineOps();
            Assert.Equal(pair.Old, string.Concat(ops.Where(o => o.Kind != OpKind.Insert).Select(o => o.Text)));
            Assert.Equal(pair.New, string.Concat(ops.Where(o => o.Kind != OpKind.Delete).Select(o => o.Text)));
            Assert.Equal(pair.Old == pair.New, !diff.HasChanges);
        }, iter: 2000);

    [Fact]
    public void gnu_patch_applies_the_unified_patch_to_give_the_newer_text()
    {
        var folder = Directory.CreateTempSubdirectory("archive-patch-").FullName;
        try
        {
            APair.Sample(pair =>
            {
                var diff = TextDiffer.Compare(pair.Old, pair.New, new DiffOptions { Granularity = pair.Granularity });
                var context = pair.Old.Length % 4;
                var patch = UnifiedPatch.Write(diff, "a/old.txt", "b/new.txt", context);
                if (patch.Length == 0) { Assert.Equal(pair.Old, pair.New); return; }
                Assert.Equal(pair.New, Patch(folder, pair.Old, patch));
            }, iter: 1000, threads: 1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static string Patch(string folder, string old, string patch)
    {
        var (oldFile, patchFile, output) = (Path.Combine(folder, "old.txt"), Path.Combine(folder, "change.patch"), Path.Combine(folder, "new.txt"));
        File.WriteAllText(oldFile, old);
        File.WriteAllText(patchFile, patch);
        File.Delete(output);
        var info = new ProcessStartInfo("patch") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--silent", "--force", "--no-backup-if-mismatch", "-o", output, oldFile, patchFile }) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var messages = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"patch failed ({process.ExitCode}): {messages}\n{patch}");
        return File.ReadAllText(output);
    }
}
