using System.Diagnostics;

namespace Archive.IntegrationTests.Transparency;

/// <summary>
/// The verifier of verifier.go, built once per test run against Debian's golang.org/x/mod (the Go
/// checksum database's own note and tlog packages), in GOPATH mode and offline.
/// </summary>
static class GoVerifier
{
    const string GoPath = "/usr/share/gocode";
    static readonly Lazy<string> Built = new(Build);

    static string Build()
    {
        Assert.True(Directory.Exists(Path.Combine(GoPath, "src/golang.org/x/mod/sumdb/tlog")),
            "golang.org/x/mod is not installed: scripts/test installs golang-go and golang-golang-x-mod-dev");
        var work = Directory.CreateTempSubdirectory("archive-go-verifier-").FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Transparency", "verifier.go"), Path.Combine(work, "verifier.go"));
        var (code, output) = Run("go", work, ["build", "-o", "verifier", "verifier.go"], new()
        {
            ["GOPATH"] = GoPath, ["GO111MODULE"] = "off", ["GOFLAGS"] = "", ["GOPROXY"] = "off", ["GOCACHE"] = Path.Combine(work, "cache"),
        });
        Assert.True(code == 0, $"go build failed: {output}");
        return Path.Combine(work, "verifier");
    }

    /// <summary>Runs the verifier: the exit code and its lines ("checkpoint ok N", then "ok" or "fail …" per check).</summary>
    public static (int Code, List<string> Lines) Check(string verifierKey, string checkpoint, IEnumerable<string> checks)
    {
        var work = Directory.CreateTempSubdirectory("archive-go-check-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(work, "key"), verifierKey);
            File.WriteAllText(Path.Combine(work, "checkpoint"), checkpoint);
            File.WriteAllLines(Path.Combine(work, "checks"), checks);
            var (code, output) = Run(Built.Value, work, ["key", "checkpoint", "checks"], []);
            return (code, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList());
        }
        finally { Directory.Delete(work, recursive: true); }
    }

    static (int, string) Run(string file, string directory, string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), $"{file} did not finish in two minutes");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public static string Inclusion(long index, byte[] record, IEnumerable<string> proof) =>
        $"inclusion {index} {Convert.ToBase64String(record)} {string.Join(' ', proof)}".TrimEnd();

    public static string Consistency(long olderSize, byte[] olderRoot, IEnumerable<string> proof) =>
        $"consistency {olderSize} {Convert.ToBase64String(olderRoot)} {string.Join(' ', proof)}".TrimEnd();
}
