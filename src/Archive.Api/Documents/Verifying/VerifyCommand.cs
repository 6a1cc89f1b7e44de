using Archive.Api.Documents.GettingDetails;
using Archive.Api.Infrastructure;
using Archive.Api.Originals;
using JasperFx.CommandLine;
using Marten;

namespace Archive.Api.Documents.Verifying;

public sealed class VerifyInput : NetCoreInput
{
    [Description("One document number; every document when left out")]
    public string? Number { get; set; }

    [Description("Check a history.zip offline instead (no database): its files, chain, texts and log proofs"), FlagAlias("bundle")]
    public string? BundleFlag { get; set; }

    [Description("The log's verifier key (GET /log/key), with --bundle"), FlagAlias("key")]
    public string? KeyFlag { get; set; }
}

[Description("Recompute hash chains and text hashes; exits non-zero on any mismatch", Name = "verify")]
public sealed class VerifyCommand : JasperFxAsyncCommand<VerifyInput>
{
    public VerifyCommand()
    {
        Usage("Verify every document");
        Usage("Verify one document").Arguments(x => x.Number!);
        Usage("Verify an evidence bundle offline").ValidFlags(x => x.BundleFlag!, x => x.KeyFlag!);
    }

    public override Task<bool> Execute(VerifyInput input) =>
        CommandFaults.Guard("verify", () => input.BundleFlag is null ? RunAsync(input) : Task.FromResult(CheckBundle(input.BundleFlag, input.KeyFlag)));

    /// <summary>The offline check: one line per problem (naming the file), then a summary; false when anything is wrong.</summary>
    static bool CheckBundle(string path, string? key)
    {
        if (key is null) { Console.Error.WriteLine("verify: --bundle needs the log's verifier key: --key <name+id+key> (GET /log/key)"); return false; }
        if (!File.Exists(path)) { Console.Error.WriteLine($"verify: no file '{path}'"); return false; }
        using var zip = File.OpenRead(path);
        var report = Evidence.BundleCheck.Check(zip, key.Trim());
        foreach (var note in report.Notes) Console.WriteLine($"note: {note}");
        foreach (var problem in report.Problems) Console.WriteLine($"{report.Document}: {problem}");
        Console.WriteLine(report.Intact
            ? $"{report.Document}: intact: {report.Events} events, {report.Logged} of them proven in the log's signed tree of {report.TreeSize?.ToString() ?? "?"} leaves"
            : $"{report.Document}: {report.Problems.Count} problems");
        return report.Intact;
    }

    static async Task<bool> RunAsync(VerifyInput input)
    {
        using var host = input.BuildHost();
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var numbers = input.Number is { } one ? [one] : await session.Query<DocumentDetails>().OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
        var broken = 0;
        foreach (var number in numbers)
        {
            var report = await ChainVerifier.VerifyAsync(session, host.Services.GetRequiredService<OriginalStores>(), number, CancellationToken.None);
            if (report is null) { Console.Error.WriteLine($"verify: the Archive has no document numbered '{number}'"); return false; }
            if (report.Intact)
            {
                Console.WriteLine($"{number}: intact ({report.Events} events, head {report.HeadHash}; {Originals(report)})");
                continue;
            }
            broken++;
            foreach (var problem in report.Problems) Console.WriteLine($"{number}: {problem.What}");
        }
        Console.WriteLine($"{numbers.Count} documents verified, {broken} with mismatches");
        return broken == 0;
    }

    static string Originals(VerificationReport report) =>
        report.WithoutOriginal.Count == 0 ? $"{report.OriginalsChecked} originals checked"
        : $"{report.OriginalsChecked} originals checked, revisions {string.Join(", ", report.WithoutOriginal.Select(w => w.Revision))} without one";
}
