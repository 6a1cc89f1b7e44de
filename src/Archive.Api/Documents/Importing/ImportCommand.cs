using System.Diagnostics;
using Archive.Content.OpenTk;
using Archive.Content.Text;
using JasperFx.CommandLine;
using Spectre.Console;

namespace Archive.Api.Documents.Importing;

public sealed class ImportInput : NetCoreInput
{
    [Description("An OpenTK page (.txt) or a folder of them (searched recursively)")]
    public string Path { get; set; } = "";
}

[Description("Import OpenTK pages from a file or a folder", Name = "import")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    public override async Task<bool> Execute(ImportInput input)
    {
        var files = Files(input.Path);
        if (files is null)
        {
            Console.Error.WriteLine($"import: '{input.Path}' is neither a file nor a folder");
            return false;
        }
        using var host = input.BuildHost();
        var importer = host.Services.GetRequiredService<RevisionImporter>();
        var clock = Stopwatch.StartNew();
        var results = await ImportWithProgress(files, importer);
        clock.Stop();
        Report(results, clock.Elapsed);
        return results.All(r => r.Outcome != ImportOutcome.Rejected);
    }

    static string[]? Files(string path) =>
        File.Exists(path) ? [path]
        : Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
        : null;

    /// <summary>
    /// Documents are imported side by side, but the files of one document in the order given,
    /// so that its revisions are numbered the same way on every run.
    /// </summary>
    static async Task<List<ImportResult>> ImportWithProgress(string[] files, RevisionImporter importer)
    {
        var results = new List<ImportResult>();
        await AnsiConsole.Progress().AutoClear(false).StartAsync(async context =>
        {
            var task = context.AddTask("Importing", maxValue: files.Length);
            var groups = files.Select(Read).GroupBy(f => f.Number ?? f.Path).ToList();
            await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (group, ct) =>
            {
                foreach (var file in group)
                {
                    var result = file.Command is null
                        ? ImportResult.Rejected(file.Path, file.Error!)
                        : await importer.ImportAsync(file.Command, file.Path, ct);
                    lock (results) results.Add(result);
                    task.Increment(1);
                }
            });
        });
        return results;
    }

    sealed record ReadFile(string Path, string? Number, ImportRevision? Command, string? Error);

    static ReadFile Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (!Utf8Text.TryDecode(bytes, out var text, out var error)) return new ReadFile(path, null, null, error);
        var page = OpenTkPageParser.Parse(text);
        if (page.Value is null) return new ReadFile(path, null, null, page.Error);
        var provenance = new Provenance("opentk-page", System.IO.Path.GetFileName(path), null, NormalisedText.Sha256(bytes),
            bytes.LongLength, "text/plain", RevisionImporter.Version);
        return new ReadFile(path, page.Value.Number, ImportRevision.From(page.Value, provenance), null);
    }

    static void Report(List<ImportResult> results, TimeSpan elapsed)
    {
        var table = new Table().AddColumns("outcome", "files");
        foreach (var outcome in Enum.GetValues<ImportOutcome>())
            table.AddRow(outcome.ToString().ToLowerInvariant(), results.Count(r => r.Outcome == outcome).ToString());
        AnsiConsole.Write(table);
        var recorded = results.Count(r => r.Outcome is ImportOutcome.Created or ImportOutcome.Revised);
        Console.WriteLine($"{results.Count} files in {elapsed.TotalSeconds:F2} s: {results.Count / elapsed.TotalSeconds:F0} files/s, " +
                          $"{recorded / elapsed.TotalSeconds:F0} new revisions/s");
        foreach (var rejected in results.Where(r => r.Outcome == ImportOutcome.Rejected).OrderBy(r => r.Source, StringComparer.Ordinal))
            Console.Error.WriteLine($"rejected {rejected.Source}: {rejected.Reason}");
    }
}
