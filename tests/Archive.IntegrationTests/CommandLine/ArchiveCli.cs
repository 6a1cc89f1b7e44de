using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Archive.IntegrationTests.CommandLine;

/// <summary>Runs the Archive's executable as a user would, against a given database.</summary>
public static partial class ArchiveCli
{
    public sealed record Run(int ExitCode, string Output, string Errors);

    public static Task<Run> Execute(string connectionString, params string[] arguments) => Execute(connectionString, arguments, []);

    /// <summary>The same, with environment variables of its own.</summary>
    public static async Task<Run> Execute(string connectionString, string[] arguments, Dictionary<string, string> environment)
    {
        using var process = Start(connectionString, arguments, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await output, await errors);
    }

    /// <summary>Starts the executable and leaves it running (its output redirected and unread).</summary>
    public static Process Start(string connectionString, params string[] arguments) => Start(connectionString, arguments, []);

    /// <summary>The same, with environment variables of its own (settings such as Archive__ApiKey).</summary>
    public static Process Start(string connectionString, string[] arguments, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["ConnectionStrings__Archive"] = connectionString,
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["NO_COLOR"] = "1",
                // The Archive compiles every method optimised at first use, for the server's sake (about 3 s at start);
                // these short commands start often and do little, so they run with the runtime's tiered compilation.
                ["DOTNET_TieredCompilation"] = "1",
            },
        };
        foreach (var (name, value) in environment) info.Environment[name] = value;
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Archive.Api.dll"));
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return Process.Start(info)!;
    }

    /// <summary>The address a started server prints when it listens; its output is read on from then, so it never blocks on a full pipe.</summary>
    public static async Task<string> ListeningAddress(Process server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            if (Listening().Match(line) is { Success: true } match)
            {
                _ = server.StandardOutput.ReadToEndAsync(); // keep reading, so the server never blocks on a full pipe
                _ = server.StandardError.ReadToEndAsync();
                return match.Groups[1].Value;
            }
        throw new InvalidOperationException($"The Archive exited before listening: {await server.StandardError.ReadToEndAsync()}");
    }

    [GeneratedRegex(@"listening on (http://[^\s,]+)")]
    private static partial Regex Listening();
}
