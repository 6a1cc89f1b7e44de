using Archive.Api.Infrastructure;
using JasperFx.CommandLine;
using Marten;

namespace Archive.Api.Originals;

public sealed class OriginalsInput : NetCoreInput
{
    [Description("gc, migrate or recover")]
    public string Action { get; set; } = "";

    [Description("migrate: the store to move every original to (s3 or postgres)"), FlagAlias("to")]
    public string? ToFlag { get; set; }

    [Description("gc: leave objects younger than this many minutes, which a running import may be about to name (default 60)"), FlagAlias("grace-minutes")]
    public int GraceMinutesFlag { get; set; } = 60;

    [Description("recover: where the portal is (default Archive:Sync:BaseUrl)"), FlagAlias("source")]
    public string? SourceFlag { get; set; }
}

[Description("Look after the kept originals: gc, migrate --to s3|postgres, recover", Name = "originals")]
public sealed class OriginalsCommand : JasperFxAsyncCommand<OriginalsInput>
{
    public OriginalsCommand()
    {
        Usage("gc: remove stored bytes that no kept original names; migrate --to s3|postgres: move every original, each hash checked; " +
              "recover: fetch the files of revisions captured before originals were kept").Arguments(x => x.Action);
    }

    public override Task<bool> Execute(OriginalsInput input) => CommandFaults.Guard("originals", () => RunAsync(input));

    static async Task<bool> RunAsync(OriginalsInput input)
    {
        if (input.Action is not ("gc" or "migrate" or "recover"))
        {
            Console.Error.WriteLine($"originals: '{input.Action}' is none of gc, migrate, recover");
            return false;
        }
        if (input.Action == "migrate" && input.ToFlag is not ("s3" or "postgres"))
        {
            Console.Error.WriteLine("originals: migrate needs --to s3 or --to postgres");
            return false;
        }
        if (input.SourceFlag is { } source && !(Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") && !Directory.Exists(source))
        {
            Console.Error.WriteLine($"originals: --source '{source}' is neither an http(s) URL nor a folder");
            return false;
        }
        using var host = input.BuildHost();
        var (store, stores) = (host.Services.GetRequiredService<IDocumentStore>(), host.Services.GetRequiredService<OriginalStores>());
        return input.Action switch
        {
            "gc" => await OriginalsUpkeep.CollectAsync(store, stores, TimeSpan.FromMinutes(input.GraceMinutesFlag), Console.Out, CancellationToken.None),
            "migrate" => await OriginalsUpkeep.MigrateAsync(store, stores, input.ToFlag!, Console.Out, CancellationToken.None),
            _ => await OriginalsRecovery.RecoverAsync(host.Services, input.SourceFlag, Console.Out, CancellationToken.None),
        };
    }
}
