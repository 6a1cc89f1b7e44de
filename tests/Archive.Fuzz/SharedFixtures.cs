namespace Archive.Fuzz;

/// <summary>
/// The team's shared fixtures (shared/fixtures/README.md): files from other public repositories,
/// which are never committed in the project. They are read at test time from the folder
/// ARCHIVE_SHARED_FIXTURES names, else from the first <c>../shared/fixtures</c> or
/// <c>shared/fixtures</c> beside an ancestor of the running assembly (CI and every developer have
/// <c>../shared</c> beside the clone). Null where it is absent (a user's fresh clone): what needs it skips.
/// </summary>
public static class SharedFixtures
{
    public const string Variable = "ARCHIVE_SHARED_FIXTURES";

    public static readonly string? Folder = Find(Environment.GetEnvironmentVariable(Variable), AppContext.BaseDirectory);

    /// <summary>The one-line reason a test that needs <paramref name="what"/> skips without it.</summary>
    public static string Reason(string what = "real") =>
        $"needs ../shared/fixtures/{what} ({(what == "real" ? "real portal data" : "real files from other repositories")}, not in the repo)";

    /// <summary>The full path of a shared fixture (e.g. "real/files/….pdf"), or null when the folder is absent.</summary>
    public static string? PathOf(string name) => Folder is null ? null : Path.Combine(Folder, name);

    /// <summary>The folder a variable names (if it is the real one), else the nearest one beside an ancestor of <paramref name="start"/>.</summary>
    public static string? Find(string? variable, string start)
    {
        if (!string.IsNullOrEmpty(variable)) return IsShared(variable) ? Path.GetFullPath(variable) : null;
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            foreach (var candidate in (string[])[Path.Combine(d.FullName, "..", "shared", "fixtures"), Path.Combine(d.FullName, "shared", "fixtures")])
                if (IsShared(candidate)) return Path.GetFullPath(candidate);
        return null;
    }

    static bool IsShared(string folder) => File.Exists(Path.Combine(folder, "real", "README.md"));
}
