using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.CommandLine;

[Collection(ArchiveCollection.Name)]
public class when_a_file_in_the_folder_cannot_be_read : IDisposable
{
    readonly string _database = TestCluster.NewDatabase();
    readonly string _folder = Directory.CreateTempSubdirectory("archive-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task that_file_is_rejected_with_a_one_line_reason_and_the_others_are_imported()
    {
        File.WriteAllText(Path.Combine(_folder, "2026D04632-v1.txt"), Fixtures.V1);
        File.CreateSymbolicLink(Path.Combine(_folder, "gone.txt"), Path.Combine(_folder, "nowhere", "gone.txt"));

        var run = await ArchiveCli.Execute(_database, "import", _folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"rejected {Path.Combine(_folder, "gone.txt")}: the file cannot be read (", run.Errors);
        Assert.Matches(@"\bcreated\b\s*│\s*1\b", run.Errors);
        Assert.DoesNotContain("   at ", run.Errors);
    }
}
