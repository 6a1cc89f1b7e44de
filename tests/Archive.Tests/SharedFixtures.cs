namespace Archive.Tests;

/// <summary>
/// The files from other public repositories (real portal files, the official XSDs), never committed
/// in the project: read from ../shared/fixtures beside the clone, or ARCHIVE_SHARED_FIXTURES (found by
/// <see cref="Fuzz.SharedFixtures"/>). Without it a test that needs them skips with a one-line reason;
/// such a test is a [SkippableFact] or [SkippableTheory].
/// </summary>
static class SharedFixtures
{
    /// <summary>The full path of a shared fixture (e.g. "real/files/….pdf"); skips the test when the folder is absent.</summary>
    public static string Path(string name)
    {
        Skip.If(Fuzz.SharedFixtures.Folder is null, Fuzz.SharedFixtures.Reason(name.StartsWith("real/", StringComparison.Ordinal) ? "real" : System.IO.Path.GetDirectoryName(name)!));
        return System.IO.Path.Combine(Fuzz.SharedFixtures.Folder!, name);
    }
}
