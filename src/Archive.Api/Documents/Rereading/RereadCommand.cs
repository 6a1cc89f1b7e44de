using Archive.Api.Infrastructure;
using Archive.Api.Originals;
using JasperFx.CommandLine;
using Marten;
using Spectre.Console;

namespace Archive.Api.Documents.Rereading;

public sealed class RereadInput : NetCoreInput
{
    [Description("Only revisions read by this reader: pdf, docx, doc, html, text or opentk-page (several comma-separated)"), FlagAlias("reader")]
    public string? ReaderFlag { get; set; }

    [Description("Only these documents (numbers, comma-separated)"), FlagAlias("documents")]
    public string? DocumentsFlag { get; set; }
}

[Description("Read the kept originals again with today's readers; where a text comes out otherwise, append a reading (TextReread)", Name = "reread")]
public sealed class RereadCommand : JasperFxAsyncCommand<RereadInput>
{
    static readonly string[] Readers = ["pdf", "docx", "doc", "html", "text", "opentk-page"];

    public override Task<bool> Execute(RereadInput input) => CommandFaults.Guard("reread", () => RunAsync(input));

    static async Task<bool> RunAsync(RereadInput input)
    {
        var readers = Split(input.ReaderFlag);
        if (readers.FirstOrDefault(r => !Readers.Contains(r)) is { } unknown)
        {
            Console.Error.WriteLine($"reread: '{unknown}' is none of the readers ({string.Join(", ", Readers)})");
            return false;
        }
        var documents = Split(input.DocumentsFlag);
        if (documents.Select(Content.Input.Identifiers.DocumentProblem).OfType<string>().FirstOrDefault() is { } bad)
        {
            Console.Error.WriteLine($"reread: {bad}");
            return false;
        }
        using var host = input.BuildHost();
        var (store, originals, clock) = (host.Services.GetRequiredService<IDocumentStore>(), host.Services.GetRequiredService<OriginalStores>(), host.Services.GetRequiredService<TimeProvider>());
        RereadTally? tally = null;
        await AnsiConsole.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask("reading the originals again");
            tally = await Rereader.RunAsync(store, originals, Rereader.Current, new RereadScope(readers, documents), clock,
                (done, total) => (task.MaxValue, task.Value) = (total, done), CancellationToken.None);
        });
        Console.WriteLine($"{tally!.Revisions} revisions: {tally.Reread} read anew (a reading appended), {tally.Unchanged} the same, " +
                          $"{tally.WithoutOriginal} without an original or a text to replace, {tally.OtherReader} by other readers, {tally.Failed} failed");
        return tally.Failed == 0;
    }

    static HashSet<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}
