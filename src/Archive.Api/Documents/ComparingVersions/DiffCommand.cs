using System.Text.Json;
using Archive.Api.Documents.GettingHistory;
using Archive.Api.Infrastructure;
using Archive.Content.Diffing;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.Options;

namespace Archive.Api.Documents.ComparingVersions;

public sealed class DiffInput : NetCoreInput
{
    [Description("The document number, such as 2026D04632")]
    public string Number { get; set; } = "";

    [Description("The older revision")]
    public int From { get; set; }

    [Description("The newer revision")]
    public int To { get; set; }

    [Description("unified (a patch), word (changes marked in the text) or json"), FlagAlias("format", 'f')]
    public string FormatFlag { get; set; } = "unified";
}

/// <summary>diff &lt;nr&gt; &lt;from&gt; &lt;to&gt;: coloured in a terminal, plain when piped.</summary>
[Description("Show what changed between two revisions of a document", Name = "diff")]
public sealed class DiffCommand : JasperFxAsyncCommand<DiffInput>
{
    static readonly string[] Formats = ["unified", "word", "json"];

    public override Task<bool> Execute(DiffInput input) => CommandFaults.Guard("diff", () => RunAsync(input));

    static async Task<bool> RunAsync(DiffInput input)
    {
        if (!Formats.Contains(input.FormatFlag)) return Fail($"--format '{input.FormatFlag}' is not one of {string.Join(", ", Formats)}");
        using var host = input.BuildHost();
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        if (await DocumentHistory.LoadAsync(session, input.Number, CancellationToken.None) is not { } history) return Fail($"the Archive has no document numbered '{input.Number}'");
        foreach (var n in new[] { input.From, input.To })
            if (n < 1 || n > history.Revisions.Count) return Fail($"{input.Number} has revisions 1 to {history.Revisions.Count}, not {n}");

        var budget = host.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value.Diff.BudgetMilliseconds;
        var comparison = await DocumentComparison.LoadAsync(session, input.Number, history.Revisions[input.From - 1], history.Revisions[input.To - 1],
            new DiffOptions { Budget = TimeSpan.FromMilliseconds(budget) }, CancellationToken.None);
        var colour = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        Console.Write(input.FormatFlag switch
        {
            "json" => JsonSerializer.Serialize(new { comparison.Number, from = input.From, to = input.To, comparison.MetadataChanges, comparison.Diff.Stats, ops = comparison.Diff.InlineOps() },
                new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }) + "\n",
            "word" => TerminalDiff.Words(comparison, colour),
            _ => TerminalDiff.Unified(comparison.UnifiedPatch(3), colour),
        });
        return true;
    }

    static bool Fail(string reason)
    {
        Console.Error.WriteLine($"diff: {reason}");
        return false;
    }
}

/// <summary>Diffs for a terminal: ANSI colours when a person is watching, git's plain markers when not.</summary>
static class TerminalDiff
{
    const string Red = "\e[31m", Green = "\e[32m", Cyan = "\e[36m", Bold = "\e[1m", Reset = "\e[0m";

    public static string Unified(string patch, bool colour) =>
        !colour ? patch : string.Join('\n', patch.Split('\n').Select(line => line switch
        {
            _ when line.StartsWith("+++") || line.StartsWith("---") => Bold + line + Reset,
            ['+', ..] => Green + line + Reset,
            ['-', ..] => Red + line + Reset,
            ['@', ..] => Cyan + line + Reset,
            _ => line,
        }));

    /// <summary>The newer text with deletions as [-…-] and insertions as {+…+}, like git diff --word-diff; only changed paragraphs.</summary>
    public static string Words(DocumentComparison c, bool colour)
    {
        var text = new System.Text.StringBuilder();
        foreach (var s in c.StructuralChanges) text.Append($"# {s.Text}\n");
        foreach (var m in c.MetadataChanges) text.Append($"# {m.Field}: {m.Old} → {m.New}\n");
        foreach (var row in c.Diff.Rows.Where(r => r.Kind != RowKind.Equal))
        {
            text.Append(colour ? Cyan : "").Append($"@@ {(row.OldLine + 1)?.ToString() ?? "-"} → {(row.NewLine + 1)?.ToString() ?? "-"}{(row.MoveId is { } id ? $" (verplaatst #{id})" : "")} @@").Append(colour ? Reset : "").Append('\n');
            foreach (var op in row.Ops)
                text.Append(op.Kind switch
                {
                    OpKind.Delete => colour ? Red + "\e[9m" + op.Text + Reset : "[-" + op.Text + "-]",
                    OpKind.Insert => colour ? Green + op.Text + Reset : "{+" + op.Text + "+}",
                    _ => op.Text,
                });
            if (!row.NewText.EndsWith('\n') && !row.OldText.EndsWith('\n')) text.Append('\n');
        }
        return text.ToString();
    }
}
