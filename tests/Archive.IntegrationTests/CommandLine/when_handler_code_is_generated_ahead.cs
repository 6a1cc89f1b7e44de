namespace Archive.IntegrationTests.CommandLine;

/// <summary>
/// The handler and endpoint code Wolverine generates is committed (src/Archive.Api/Internal/Generated)
/// and compiled with the Archive, so that no process compiles it at start. Code that no longer
/// matches its handler would run as it was: the committed files must be what the handlers generate now.
/// </summary>
public class when_handler_code_is_generated_ahead : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("archive-codegen-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    static string Committed()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Archive.sln")))
                return Path.Combine(dir.FullName, "src", "Archive.Api", "Internal", "Generated");
        throw new InvalidOperationException("The repository root (Archive.sln) is not above the test's folder.");
    }

    static Dictionary<string, string> Files(string folder) => Directory.Exists(folder)
        ? Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText)
        : [];

    [Fact]
    public async Task the_committed_code_is_what_the_handlers_generate_now()
    {
        var run = await ArchiveCli.Execute("Host=127.0.0.1;Database=none", ["codegen", "write"],
            new() { ["ASPNETCORE_CONTENTROOT"] = _root });
        Assert.True(run.ExitCode == 0, run.Errors + run.Output);

        var (generated, committed) = (Files(Path.Combine(_root, "Internal", "Generated")), Files(Committed()));
        Assert.NotEmpty(generated);
        var stale = generated.Keys.Union(committed.Keys)
            .Where(name => generated.GetValueOrDefault(name) != committed.GetValueOrDefault(name))
            .Order().ToList();
        Assert.True(stale.Count == 0,
            $"src/Archive.Api/Internal/Generated is out of date ({string.Join(", ", stale)}): run scripts/codegen and commit the result.");
    }
}
