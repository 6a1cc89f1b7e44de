using System.Diagnostics;

namespace Archive.IntegrationTests.CommandLine;

/// <summary>Runs the Archive's executable as a user would, against a given database.</summary>
public static class ArchiveCli
{
    public sealed record Run(int ExitCode, string Output, string Errors);

    public static async Task<Run> Execute(string connectionString, params string[] arguments)
    {
        using var process = Start(connectionString, arguments);
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
            },
        };
        foreach (var (name, value) in environment) info.Environment[name] = value;
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Archive.Api.dll"));
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return Process.Start(info)!;
    }
}
