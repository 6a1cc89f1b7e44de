using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Archive.Api.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of our own, made from the machine's PostgreSQL binaries, listening on
/// loopback only, with a generated password. Used when no connection string is configured, so
/// that the Archive runs with nothing to set up. A cluster that is already running in the same
/// folder (another Archive process) is reused and left running; one we started we stop on exit.
/// </summary>
public sealed class PrivatePostgres : IDisposable
{
    const string Database = "archive";
    readonly string _binaries;
    readonly string _data;
    readonly bool _owner;
    readonly bool _throwaway;
    int _stopped;

    PrivatePostgres(string binaries, string folder, int port, string password, bool owner, bool throwaway)
    {
        (_binaries, Folder, _data, Port, _owner, _throwaway) = (binaries, folder, Path.Combine(folder, "data"), port, owner, throwaway);
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=postgres;Pooling=false";
        ConnectionString = ConnectionStringFor(Database);
        if (_owner) AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    public string Folder { get; }
    public int Port { get; }
    public string ConnectionString { get; }
    string AdminConnectionString { get; }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = true }.ConnectionString;

    /// <summary>Starts (or joins) the cluster kept in <paramref name="folder"/> across runs.</summary>
    public static PrivatePostgres StartOrJoin(string folder) => Start(folder, throwaway: false);

    /// <summary>A cluster for one test run: fast and unsafe (fsync off), deleted when disposed.</summary>
    public static PrivatePostgres StartThrowaway() =>
        Start(Path.Combine(Path.GetTempPath(), $"archive-test-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..48]), throwaway: true);

    static PrivatePostgres Start(string folder, bool throwaway)
    {
        var binaries = FindBinaries();
        folder = UsableFolder(Path.GetFullPath(folder));
        var data = Path.Combine(folder, "data");
        var passwordFile = Path.Combine(folder, "password");
        if (!File.Exists(Path.Combine(data, "PG_VERSION"))) Initialise(binaries, folder, passwordFile);
        var password = File.ReadAllText(passwordFile).Trim();

        if (RunningPort(binaries, data) is { } port)
            return new PrivatePostgres(binaries, folder, port, password, owner: false, throwaway);

        port = FreePort();
        var settings = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" +
                       (HasLz4(binaries, data) ? $" -c {Lz4}" : "") +
                       (throwaway ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" : "");
        AsPostgres(Path.Combine(binaries, "pg_ctl"), "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", settings, "start");
        var cluster = new PrivatePostgres(binaries, folder, port, password, owner: true, throwaway);
        cluster.CreateDatabase(Database);
        return cluster;
    }

    public string CreateDatabase(string name)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection) { Parameters = { new() { Value = name } } };
        if (exists.ExecuteScalar() is null)
            new NpgsqlCommand($"create database \"{name}\"", connection).ExecuteNonQuery();
        return ConnectionStringFor(name);
    }

    public void Dispose()
    {
        if (!_owner || Interlocked.Exchange(ref _stopped, 1) == 1) return;
        NpgsqlConnection.ClearAllPools();
        TryAsPostgres(Path.Combine(_binaries, "pg_ctl"), "-D", _data, "-m", _throwaway ? "immediate" : "fast", "-w", "stop");
        if (_throwaway) Directory.Delete(Folder, recursive: true);
    }

    static void Initialise(string binaries, string folder, string passwordFile)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(passwordFile, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        GiveToPostgres(folder);
        AsPostgres(Path.Combine(binaries, "initdb"), "-D", Path.Combine(folder, "data"), "-U", "postgres", "--auth=scram-sha-256",
            $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
    }

    const string Lz4 = "default_toast_compression=lz4";

    /// <summary>
    /// Whether these binaries compress with LZ4 (14 or later, built with it): texts and vectors are
    /// then compressed about three times faster than with pglz, in about the same space.
    /// </summary>
    static bool HasLz4(string binaries, string data) =>
        TryAsPostgres(Path.Combine(binaries, "postgres"), "-D", data, "-C", "default_toast_compression", "-c", Lz4) == 0;

    static int? RunningPort(string binaries, string data)
    {
        var pidFile = Path.Combine(data, "postmaster.pid");
        if (!File.Exists(pidFile) || TryAsPostgres(Path.Combine(binaries, "pg_ctl"), "-D", data, "status") != 0) return null;
        return int.Parse(File.ReadAllLines(pidFile)[3]);
    }

    /// <summary>PostgreSQL refuses to run as root, so as root the cluster belongs to the postgres user,
    /// who must be able to reach the folder; where it cannot (a home folder), the temp folder is used.</summary>
    static string UsableFolder(string folder)
    {
        if (!IsRoot) return folder;
        Directory.CreateDirectory(folder);
        GiveToPostgres(folder);
        if (Run("runuser", "-u", "postgres", "--", "test", "-w", folder) == 0) return folder;
        var fallback = Path.Combine(Path.GetTempPath(), "archive-pg-" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(folder)))[..12]);
        Console.Error.WriteLine($"PostgreSQL's user cannot reach {folder}; keeping the private cluster in {fallback} instead.");
        return fallback;
    }

    static void GiveToPostgres(string folder)
    {
        if (!IsRoot) return;
        Check(Run("chown", "-R", "postgres:", folder), "chown", folder);
        Check(Run("chmod", "700", folder), "chmod", folder);
    }

    static bool IsRoot => Environment.UserName == "root";

    static void AsPostgres(string program, params string[] arguments)
    {
        var (exit, output) = RunCapturing(IsRoot ? "runuser" : program, IsRoot ? ["-u", "postgres", "--", program, .. arguments] : arguments);
        if (exit != 0) throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({exit}): {output.Trim()}");
    }

    static int TryAsPostgres(string program, params string[] arguments) =>
        RunCapturing(IsRoot ? "runuser" : program, IsRoot ? ["-u", "postgres", "--", program, .. arguments] : arguments).Exit;

    static int Run(string program, params string[] arguments) => RunCapturing(program, arguments).Exit;

    static (int Exit, string Output) RunCapturing(string program, string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    static void Check(int exit, string what, string folder)
    {
        if (exit != 0) throw new InvalidOperationException($"{what} {folder} failed with exit code {exit}");
    }

    static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("ARCHIVE_PG_BIN");
        var candidates = (configured is null ? [] : new[] { configured })
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin"))
                : []);
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException(
                "No PostgreSQL server binaries found (looked in /usr/lib/postgresql/*/bin and $ARCHIVE_PG_BIN). " +
                "Install them (apt-get install postgresql) or set ConnectionStrings__Archive.");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
