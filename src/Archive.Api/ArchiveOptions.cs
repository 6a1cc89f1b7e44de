namespace Archive.Api;

/// <summary>The "Archive" configuration section.</summary>
public sealed class ArchiveOptions
{
    /// <summary>The key that writes need as <c>Authorization: Bearer …</c>. Generated at start when not set.</summary>
    public string? ApiKey { get; set; }

    public ImportOptions Imports { get; set; } = new();

    public DiffSettings Diff { get; set; } = new();

    /// <summary>Where the private PostgreSQL keeps its data when no connection string is given.</summary>
    public string PrivatePostgresDirectory { get; set; } = ".archive/pg";
}

public sealed class ImportOptions
{
    public long MaxBodyBytes { get; set; } = 20 * 1024 * 1024;
}

public sealed class DiffSettings
{
    /// <summary>How long one diff may take before it answers coarser (DESIGN: never unbounded).</summary>
    public int BudgetMilliseconds { get; set; } = 2000;
}
