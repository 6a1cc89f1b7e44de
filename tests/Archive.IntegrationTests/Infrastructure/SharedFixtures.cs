namespace Archive.IntegrationTests.Infrastructure;

/// <summary>
/// The team's shared fixtures (shared/fixtures/README.md): files from other public repositories,
/// never committed in the project. Read at test time from the folder ARCHIVE_SHARED_FIXTURES names,
/// else from the first <c>../shared/fixtures</c> or <c>shared/fixtures</c> beside an ancestor of the
/// test assembly (CI and every developer have <c>../shared</c> beside the clone). Where it is absent
/// (a user's fresh clone) a test that needs it skips with a one-line reason: a [SkippableFact].
/// </summary>
public static class SharedFixtures
{
    public const string Variable = "ARCHIVE_SHARED_FIXTURES";

    public static readonly string? Folder = Find(Environment.GetEnvironmentVariable(Variable), AppContext.BaseDirectory);

    public static bool There => Folder is not null;

    public static string Reason(string what = "real") =>
        $"needs ../shared/fixtures/{what} ({(what == "real" ? "real portal data" : "real files from other repositories")}, not in the repo)";

    /// <summary>Skips the test when the shared fixtures are absent.</summary>
    public static void Require(string what = "real") => Skip.IfNot(There, Reason(what));

    /// <summary>The full path of a shared fixture (e.g. "real/files/….pdf"); skips the test when the folder is absent.</summary>
    public static string Path(string name)
    {
        Require(name.StartsWith("real/", StringComparison.Ordinal) ? "real" : System.IO.Path.GetDirectoryName(name)!);
        return System.IO.Path.Combine(Folder!, name);
    }

    static string? Find(string? variable, string start)
    {
        if (!string.IsNullOrEmpty(variable)) return IsShared(variable) ? System.IO.Path.GetFullPath(variable) : null;
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            foreach (var candidate in (string[])[System.IO.Path.Combine(d.FullName, "..", "shared", "fixtures"), System.IO.Path.Combine(d.FullName, "shared", "fixtures")])
                if (IsShared(candidate)) return System.IO.Path.GetFullPath(candidate);
        return null;
    }

    static bool IsShared(string folder) => File.Exists(System.IO.Path.Combine(folder, "real", "README.md"));
}
