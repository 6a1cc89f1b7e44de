using System.Net;
using System.Net.Sockets;
using Archive.IntegrationTests.Infrastructure;

namespace Archive.IntegrationTests.CommandLine;

/// <summary>What an operator reads when a command meets an expected fault: one line, a non-zero exit, no stack trace.</summary>
[Collection(ArchiveCollection.Name)]
public class when_the_database_cannot_be_reached : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("archive-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A port nothing listens on: taken from the system, then given back.</summary>
    static string Nowhere()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"Host=127.0.0.1;Port={port};Username=postgres;Password=x;Database=archive;Timeout=5";
    }

    static void AssertOneLine(ArchiveCli.Run run, string command, string says)
    {
        Assert.NotEqual(0, run.ExitCode);
        var lines = run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"{command} printed {lines.Length} lines:\n{run.Errors}");
        Assert.StartsWith($"{command}: ", lines[0]);
        Assert.Contains(says, lines[0]);
        Assert.DoesNotContain("   at ", run.Errors + run.Output);
    }

    [Fact]
    public async Task every_command_says_so_in_one_line()
    {
        File.WriteAllText(Path.Combine(_folder, "2026D04632-v1.txt"), Fixtures.V1);
        var nowhere = Nowhere();
        string[][] commands =
        [
            ["import", _folder], ["export"], ["verify"], ["show", "2026D04632"], ["diff", "2026D04632", "1", "2"],
            ["gaps"], ["search-index"],
        ];
        foreach (var command in commands)
            AssertOneLine(await ArchiveCli.Execute(nowhere, command), command[0], "the database cannot be reached");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("Host=127.0.0.1;Bogus Key=1")]
    public async Task a_connection_string_that_cannot_be_read_is_one_line_and_nothing_starts(string connectionString)
    {
        var run = await ArchiveCli.Execute(connectionString, "import", _folder);
        Assert.NotEqual(0, run.ExitCode);
        var lines = run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"printed {lines.Length} lines:\n{run.Errors}");
        Assert.StartsWith("ConnectionStrings:Archive cannot be read: ", lines[0]);
        Assert.DoesNotContain("   at ", run.Errors + run.Output);
    }

    [Fact]
    public async Task a_bad_argument_or_an_unwritable_folder_is_one_line_too()
    {
        var nowhere = Nowhere();
        var word = await ArchiveCli.Execute(nowhere, "diff", "2026D04632", "one", "2");
        Assert.NotEqual(0, word.ExitCode);
        Assert.Contains("Error parsing input: The input string 'one' was not in a correct format.", word.Errors);
        Assert.DoesNotContain("   at ", word.Errors + word.Output);

        var template = Path.Combine(_folder, "template.txt");
        File.WriteAllText(template, Fixtures.V1);
        AssertOneLine(await ArchiveCli.Execute(nowhere, "generate", template, "/proc/archive-cannot-be-here"), "generate", "a file could not be read or written");
    }
}
