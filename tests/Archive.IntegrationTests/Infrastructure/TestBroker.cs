using System.Diagnostics;

namespace Archive.IntegrationTests.Infrastructure;

/// <summary>A RabbitMQ broker of the test run's own, from Debian's rabbitmq-server (which scripts/test installs), on free ports.</summary>
public sealed class TestBroker : IDisposable
{
    static readonly Lazy<TestBroker> Broker = new(() => new TestBroker());
    readonly string _folder = Directory.CreateTempSubdirectory("archive-rabbitmq-").FullName;
    readonly Dictionary<string, string> _environment;

    public static TestBroker Instance => Broker.Value;
    public static void Stop() { if (Broker.IsValueCreated) Broker.Value.Dispose(); }

    public string Uri { get; }

    TestBroker()
    {
        var (port, dist) = (Ports.Free(), Ports.Free());
        File.WriteAllText(Path.Combine(_folder, "plugins"), "[].");
        if (!OperatingSystem.IsWindows())
        {
            // The broker runs as the rabbitmq user, which must write here.
            File.SetUnixFileMode(_folder, (UnixFileMode)0b111_111_111);
            File.SetUnixFileMode(Path.Combine(_folder, "plugins"), (UnixFileMode)0b110_110_110);
        }
        _environment = new()
        {
            ["RABBITMQ_NODENAME"] = $"archive{Environment.ProcessId}@localhost",
            ["RABBITMQ_NODE_PORT"] = port.ToString(),
            ["RABBITMQ_DIST_PORT"] = dist.ToString(),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(_folder, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(_folder, "log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_folder, "plugins"),
        };
        Start("rabbitmq-server");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Ports.Listening(port))
        {
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException($"RabbitMQ did not start; see {_folder}/log");
            Thread.Sleep(200);   // the broker is starting in another process: nothing to await but its port
        }
        Uri = $"amqp://guest:guest@127.0.0.1:{port}";
    }

    Process Start(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        foreach (var (k, v) in _environment) info.Environment[k] = v;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }


    public void Dispose()
    {
        using var stop = Start("rabbitmqctl", "-n", _environment["RABBITMQ_NODENAME"], "stop");
        stop.WaitForExit(30_000);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
