using Archive.Api.Infrastructure;
using JasperFx.CommandLine;
using Marten;

namespace Archive.Api.Importing.Syncing.Gaps;

public sealed class GapsInput : NetCoreInput
{
    [Description("open (the default), closed or all"), FlagAlias("state", 's')]
    public string StateFlag { get; set; } = "open";

    [Description("Only gaps of this reason (file-missing, size-mismatch, unreadable-type …)"), FlagAlias("reason", 'r')]
    public string? ReasonFlag { get; set; }

    [Description("Only gaps of this category (Document …)"), FlagAlias("category", 'c')]
    public string? CategoryFlag { get; set; }

    [Description("At most this many (default 50)"), FlagAlias("limit", 'l')]
    public int LimitFlag { get; set; } = 50;
}

[Description("List the gap ledger: what the sync could not capture, why, and when it was tried", Name = "gaps")]
public sealed class GapsCommand : JasperFxAsyncCommand<GapsInput>
{
    public override Task<bool> Execute(GapsInput input) => CommandFaults.Guard("gaps", () => RunAsync(input));

    static async Task<bool> RunAsync(GapsInput input)
    {
        var query = new GapQuery(input.StateFlag, input.ReasonFlag, input.CategoryFlag, input.LimitFlag);
        if (query.Problem() is { } problem) { Console.Error.WriteLine($"gaps: {problem}"); return false; }
        using var host = input.BuildHost();
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var page = await query.RunAsync(session, CancellationToken.None);
        Console.WriteLine($"{page.Total} {query.State} gaps" + (page.Total > page.Gaps.Count ? $" (the first {page.Gaps.Count})" : ""));
        foreach (var g in page.Gaps)
            Console.WriteLine($"{g.DocumentNumber ?? "-"}\t{g.EntityId?.ToString() ?? g.Id}\t{g.Missing}\t{g.Reason}\tfirst {g.FirstAttemptAt:yyyy-MM-ddTHH:mm:ssZ}\t" +
                              $"last {g.LastAttemptAt:yyyy-MM-ddTHH:mm:ssZ}\t{g.Attempts} attempts\t" +
                              (g.Open ? $"next {g.NextAttemptAt:yyyy-MM-ddTHH:mm:ssZ}" : $"closed {g.ClosedAt:yyyy-MM-ddTHH:mm:ssZ} ({g.ClosedHow})") + $"\t{g.Detail}");
        return true;
    }
}
