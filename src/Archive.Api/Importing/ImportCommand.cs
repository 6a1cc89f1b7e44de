using System.Threading.Channels;
using System.Diagnostics;
using Archive.Api.Documents;
using Archive.Api.Documents.Recording;
using Archive.Api.Infrastructure;
using Archive.Content.OpenTk;
using Archive.Content.Text;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Wolverine;
using Wolverine.Runtime;

namespace Archive.Api.Importing;

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

        var maxBytes = host.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value.Imports.MaxBodyBytes;
        var (results, clock) = (new ImportTally(), Stopwatch.StartNew());
        try
        {
            await SchemaOnce.ApplyAsync(host.Services.GetRequiredService<IDocumentStore>(), CancellationToken.None);
            // Wolverine alone, as a mediator (Program.cs): the import's handlers, none of the server's background work.
            var runtime = host.Services.GetRequiredService<IWolverineRuntime>();
            await ((IHostedService)runtime).StartAsync(CancellationToken.None);
            await ImportWithProgress(files, new MessageBus(runtime), maxBytes, results);
        }
        catch (Exception e) when (ImportFaults.IsDatabaseLost(e))
        {
            Console.Error.WriteLine(DatabaseLost(files.Length, results, e));
            return false;
        }
        Report(results, clock.Elapsed);
        return results.Rejected.Count == 0;
    }

    /// <summary>The one line for a lost database: how far the import got, and that running it again resumes (what is in comes back unchanged).</summary>
    public static string DatabaseLost(int total, IReadOnlyCollection<ImportResult> done, Exception e)
    {
        var tally = new ImportTally();
        tally.Add(done);
        return DatabaseLost(total, tally, e);
    }

    static string DatabaseLost(int total, ImportTally done, Exception e)
    {
        var reason = CommandFaults.DatabaseReason(e);
        if (done.Count == 0)
            return $"import: the database cannot be reached ({reason}); none of the {total} files was imported. Run the same command again when it is back.";
        var (imported, unchanged, rejected) = (done.Of(ImportOutcome.Created) + done.Of(ImportOutcome.Revised),
            done.Of(ImportOutcome.Unchanged), done.Of(ImportOutcome.Rejected));
        return $"import: the database went away ({reason}) after {done.Count} of {total} files ({imported} imported, " +
               (unchanged > 0 ? $"{unchanged} unchanged, " : "") + $"{rejected} rejected); run the same command again: it resumes where it stopped.";
    }

    static string[]? Files(string path) =>
        File.Exists(path) ? [path]
        : Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
        : null;

    /// <summary>
    /// Documents are imported side by side, but the files of one document in the order given, so
    /// that its revisions are numbered the same way on every run: each file is read in turn and
    /// handed to the worker its document number belongs to, through a short queue, so memory holds
    /// a few files whatever the size of the folder. A worker records what is waiting in its queue
    /// as one transaction (<see cref="ImportBatch"/>). A file that fails for a reason of its own is
    /// rejected and the rest go on; a lost database ends the import.
    /// </summary>
    static async Task ImportWithProgress(string[] files, IMessageBus bus, long maxBytes, ImportTally results) =>
        await AnsiConsole.Progress().AutoClear(false).StartAsync(async context =>
        {
            var task = context.AddTask("Importing", maxValue: files.Length);
            var queues = Enumerable.Range(0, Workers).Select(_ => Channel.CreateBounded<ReadFile>(QueueLength)).ToArray();
            using var stop = new CancellationTokenSource();
            var workers = queues.Select(queue => Task.Run(async () =>
            {
                try
                {
                    while (await queue.Reader.WaitToReadAsync(stop.Token))
                    {
                        // What is waiting, up to a batch, as long as no document comes twice (its revisions go in order, one batch each).
                        var batch = new List<ReadFile>();
                        while (batch.Count < BatchSize && queue.Reader.TryPeek(out var next) && (next.Number is null || batch.All(b => b.Number != next.Number)))
                            batch.Add(await queue.Reader.ReadAsync(stop.Token));
                        var imported = await ImportBatch(batch, bus, stop.Token);
                        results.Add(imported);
                        task.Increment(imported.Count);
                    }
                }
                catch
                {
                    await stop.CancelAsync();   // the others stop, and so does the reading
                    throw;
                }
            })).ToList();
            try
            {
                foreach (var path in files)
                {
                    var file = Read(path, maxBytes);
                    var worker = (int)((uint)StringComparer.Ordinal.GetHashCode(file.Number ?? file.Path) % Workers);
                    await queues[worker].Writer.WriteAsync(file, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // A worker failed: its reason is thrown below.
            }
            finally
            {
                foreach (var queue in queues) queue.Writer.TryComplete();
            }
            try
            {
                await Task.WhenAll(workers);
            }
            catch
            {
                var reason = workers.Where(w => w.IsFaulted).SelectMany(w => w.Exception!.InnerExceptions).FirstOrDefault(e => e is not OperationCanceledException);
                if (reason is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(reason);
                throw;
            }
        });

    const int Workers = 4, QueueLength = 16, BatchSize = 16;

    /// <summary>
    /// The batch's documents in one transaction (<see cref="ImportRevisions"/>); when that fails for
    /// any reason but a lost database, each file on its own, so that a bad one rejects only itself.
    /// </summary>
    static async Task<List<ImportResult>> ImportBatch(List<ReadFile> batch, IMessageBus bus, CancellationToken ct)
    {
        var results = batch.Where(f => f.Command is null).Select(f => ImportResult.Rejected(f.Path, f.Error!)).ToList();
        var good = batch.Where(f => f.Command is not null).ToList();
        if (good.Count > 1)
        {
            try
            {
                var outcome = await bus.InvokeAsync<ImportRevisionsDecision>(new ImportRevisions(good.Select(f => f.Command!).ToList()), ct);
                results.AddRange(good.Zip(outcome.Decisions, (f, d) => new ImportResult(f.Number, d.Outcome, d.Revision, d.Current, f.Path, null)));
                return results;
            }
            catch (Exception e) when (!ImportFaults.IsDatabaseLost(e) && e is not OperationCanceledException)
            {
                // One of them is bad: find out which, one at a time.
            }
        }
        foreach (var file in good) results.Add(await ImportOne(file, bus, ct));
        return results;
    }

    static async Task<ImportResult> ImportOne(ReadFile file, IMessageBus bus, CancellationToken ct)
    {
        if (file.Command is null) return ImportResult.Rejected(file.Path, file.Error!);
        try
        {
            return await bus.ImportAsync(file.Command, file.Path, ct);
        }
        catch (Exception e) when (ImportFaults.IsFilesOwn(e))
        {
            return ImportResult.Rejected(file.Path, ImportFaults.Reason(e));
        }
    }

    sealed record ReadFile(string Path, string? Number, ImportRevision? Command, string? Error);

    static ReadFile Read(string path, long maxBytes)
    {
        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > maxBytes) return new ReadFile(path, null, null, $"the file is larger than {maxBytes} bytes (Archive:Imports:MaxBodyBytes)");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ReadFile(path, null, null, $"the file cannot be read ({e.Message})");
        }
        if (!Utf8Text.TryDecode(bytes, out var text, out var error)) return new ReadFile(path, null, null, error);
        var page = OpenTkPageParser.Parse(text);
        if (page.Value is null) return new ReadFile(path, null, null, page.Error);
        var provenance = new Provenance("opentk-page", System.IO.Path.GetFileName(path), null, NormalisedText.Sha256(bytes),
            bytes.LongLength, OpenTkPages.OriginalType, OpenTkPages.ImporterVersion);
        return new ReadFile(path, page.Value.Number, OpenTkPages.Command(page.Value, provenance, bytes), null);
    }
    static void Report(ImportTally results, TimeSpan elapsed)
    {
        var table = new Table().AddColumns("outcome", "files");
        foreach (var outcome in Enum.GetValues<ImportOutcome>())
            table.AddRow(outcome.ToString().ToLowerInvariant(), results.Of(outcome).ToString());
        AnsiConsole.Write(table);
        var recorded = results.Of(ImportOutcome.Created) + results.Of(ImportOutcome.Revised);
        Console.WriteLine($"{results.Count} files in {elapsed.TotalSeconds:F2} s: {results.Count / elapsed.TotalSeconds:F0} files/s, " +
                          $"{recorded / elapsed.TotalSeconds:F0} new revisions/s");
        foreach (var rejected in results.Rejected.OrderBy(r => r.Source, StringComparer.Ordinal))
            Console.Error.WriteLine($"rejected {rejected.Source}: {rejected.Reason}");
    }
}

/// <summary>
/// What an import has done so far: a count per outcome and the rejected files with their reasons,
/// not every file's result, so that memory does not grow with the folder. Safe across the workers.
/// </summary>
sealed class ImportTally
{
    readonly int[] _counts = new int[Enum.GetValues<ImportOutcome>().Length];
    readonly List<ImportResult> _rejected = [];

    public void Add(IEnumerable<ImportResult> results)
    {
        lock (_counts)
            foreach (var result in results)
            {
                _counts[(int)result.Outcome]++;
                if (result.Outcome == ImportOutcome.Rejected) _rejected.Add(result);
            }
    }

    public int Of(ImportOutcome outcome) { lock (_counts) return _counts[(int)outcome]; }

    public int Count { get { lock (_counts) return _counts.Sum(); } }

    public IReadOnlyList<ImportResult> Rejected { get { lock (_counts) return _rejected.ToList(); } }
}
