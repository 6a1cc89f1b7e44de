using System.Text.RegularExpressions;
using Archive.IntegrationTests.Infrastructure;
using Npgsql;

namespace Archive.IntegrationTests.CommandLine;

[Collection(ArchiveCollection.Name)]
public class when_importing_a_folder_from_the_command_line : IDisposable
{
    readonly string _database = TestCluster.NewDatabase();
    readonly string _folder = Directory.CreateTempSubdirectory("archive-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text);

    static int Row(string output, string outcome) =>
        int.Parse(Regex.Match(output, $@"\b{outcome}\b\s*│\s*(\d+)").Groups[1].Value);

    async Task<long> Events()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        return (long)(await new NpgsqlCommand("select count(*) from archive.mt_events", connection).ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task it_imports_the_good_files_names_the_bad_one_and_exits_non_zero()
    {
        Write("2026D04632-v1.txt", Fixtures.V1);
        Write("2026D04632-v2.txt", Fixtures.V2);
        Write("notes.txt", "not a page at all");

        var run = await ArchiveCli.Execute(_database, "import", _folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal((1, 1, 0, 1), (Row(run.Errors, "created"), Row(run.Errors, "revised"), Row(run.Errors, "unchanged"), Row(run.Errors, "rejected")));
        Assert.Matches(@"3 files in [\d.]+ s: \d+ files/s, \d+ new revisions/s", run.Output);
        Assert.Contains("rejected " + Path.Combine(_folder, "notes.txt") + ": the page has no 'Nummer: …, datum: …' line", run.Errors);
        Assert.Equal(2, await Events());
    }

    [Fact]
    public async Task importing_the_same_folder_again_changes_nothing_and_exits_zero()
    {
        Write("2026D04632-v1.txt", Fixtures.V1);
        Write("2026D04632-v2.txt", Fixtures.V2);
        Assert.Equal(0, (await ArchiveCli.Execute(_database, "import", _folder)).ExitCode);

        var again = await ArchiveCli.Execute(_database, "import", _folder);

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(2, Row(again.Errors, "unchanged"));
        Assert.Equal(2, await Events());
    }

    [Fact]
    public async Task a_path_that_does_not_exist_is_a_one_line_refusal()
    {
        var run = await ArchiveCli.Execute(_database, "import", Path.Combine(_folder, "missing"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("is neither a file nor a folder", run.Errors);
    }
}

[Collection(ArchiveCollection.Name)]
public class when_diffing_from_the_command_line : IDisposable
{
    readonly string _database = TestCluster.NewDatabase();
    readonly string _folder = Directory.CreateTempSubdirectory("archive-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    async Task Import()
    {
        File.WriteAllText(Path.Combine(_folder, "2026D04632-v1.txt"), Fixtures.V1);
        File.WriteAllText(Path.Combine(_folder, "2026D04632-v2.txt"), Fixtures.V2);
        Assert.Equal(0, (await ArchiveCli.Execute(_database, "import", _folder)).ExitCode);
    }

    [Fact]
    public async Task it_prints_a_plain_unified_patch_when_piped()
    {
        await Import();
        var run = await ArchiveCli.Execute(_database, "diff", "2026D04632", "1", "2");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--- a/2026D04632@1\n+++ b/2026D04632@2\n", run.Output);
        Assert.Contains("\n-Invest International en Atradius Dutch State Business (ADSB) zijn belangrijke parters", run.Output);
        Assert.DoesNotContain("\e[", run.Output);
    }

    [Fact]
    public async Task the_word_format_marks_changes_like_git()
    {
        await Import();
        var run = await ArchiveCli.Execute(_database, "diff", "2026D04632", "1", "2", "--format", "word");
        Assert.Contains("Vastgesteld [-………….-]{+9 februari+} 2026", run.Output);
        Assert.Contains("# versie: 1 → 2", run.Output);
    }

    [Fact]
    public async Task an_unknown_revision_or_format_is_a_one_line_refusal()
    {
        await Import();
        var run = await ArchiveCli.Execute(_database, "diff", "2026D04632", "1", "7");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("diff: 2026D04632 has revisions 1 to 2, not 7", run.Errors);
        var format = await ArchiveCli.Execute(_database, "diff", "2026D04632", "1", "2", "--format", "pdf");
        Assert.NotEqual(0, format.ExitCode);
        Assert.Contains("--format 'pdf' is not one of unified, word, json", format.Errors);
    }
}

[Collection(ArchiveCollection.Name)]
public class when_showing_a_document_as_of_a_date_from_the_command_line : IDisposable
{
    readonly string _database = TestCluster.NewDatabase();
    readonly string _folder = Directory.CreateTempSubdirectory("archive-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task it_prints_the_revision_that_stood_then_or_says_why_there_is_none()
    {
        File.WriteAllText(Path.Combine(_folder, "2026D04632-v1.txt"), Fixtures.V1);
        File.WriteAllText(Path.Combine(_folder, "2026D04632-v2.txt"), Fixtures.V2);
        Assert.Equal(0, (await ArchiveCli.Execute(_database, "import", _folder)).ExitCode);

        var then = await ArchiveCli.Execute(_database, "show", "2026D04632", "--as-of", "2026-02-05");
        Assert.Equal(0, then.ExitCode);
        Assert.Contains("\"sourceVersion\": 1", then.Output);
        Assert.Contains("Revision 1 has the latest source time", then.Output);

        var before = await ArchiveCli.Execute(_database, "show", "2026D04632", "--as-of", "2026-01-01");
        Assert.NotEqual(0, before.ExitCode);
        Assert.Contains("did not exist yet then; it first appears at 2026-02-02T08:51:00Z", before.Errors);
    }
}
