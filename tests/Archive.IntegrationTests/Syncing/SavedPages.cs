namespace Archive.IntegrationTests.Syncing;

/// <summary>A folder of saved SyncFeed pages: the synthetic pages of document 2026D04632, with its first version's .docx as the file.</summary>
public static class SavedPages
{
    /// <summary>The document entity whose file the folder holds.</summary>
    public const string Known = "5c0a7e2b-3f41-4d8e-9b6a-2e71c9d40632";

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "odp", name);

    /// <summary>A new temporary folder holding them; the caller deletes it.</summary>
    public static string Make(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        foreach (var page in new[] { "document-page-1.xml", "documentversie-page-1.xml", "kamerstukdossier-page-1.xml", "zaak-page-1.xml" })
            File.Copy(Fixture($"syncfeed/{page}"), Path.Combine(folder, page));
        Directory.CreateDirectory(Path.Combine(folder, "Resources"));
        File.Copy(Fixture("docx/2026D04632-v1.docx"), Path.Combine(folder, "Resources", $"{Known}.docx"));
        return folder;
    }
}
