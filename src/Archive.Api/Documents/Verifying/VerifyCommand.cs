using Archive.Api.Documents.GettingDetails;
using Archive.Api.Infrastructure;
using JasperFx.CommandLine;
using Marten;

namespace Archive.Api.Documents.Verifying;

public sealed class VerifyInput : NetCoreInput
{
    [Description("One document number; every document when left out")]
    public string? Number { get; set; }
}

[Description("Recompute hash chains and text hashes; exits non-zero on any mismatch", Name = "verify")]
public sealed class VerifyCommand : JasperFxAsyncCommand<VerifyInput>
{
    public VerifyCommand()
    {
        Usage("Verify every document");
        Usage("Verify one document").Arguments(x => x.Number!);
    }

    public override Task<bool> Execute(VerifyInput input) => CommandFaults.Guard("verify", () => RunAsync(input));

    static async Task<bool> RunAsync(VerifyInput input)
    {
        using var host = input.BuildHost();
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var numbers = input.Number is { } one ? [one] : await session.Query<DocumentDetails>().OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
        var broken = 0;
        foreach (var number in numbers)
        {
            var report = await ChainVerifier.VerifyAsync(session, number, CancellationToken.None);
            if (report is null) { Console.Error.WriteLine($"verify: the Archive has no document numbered '{number}'"); return false; }
            if (report.Intact) { Console.WriteLine($"{number}: intact ({report.Events} events, head {report.HeadHash})"); continue; }
            broken++;
            foreach (var problem in report.Problems) Console.WriteLine($"{number}: {problem.What}");
        }
        Console.WriteLine($"{numbers.Count} documents verified, {broken} with mismatches");
        return broken == 0;
    }
}
