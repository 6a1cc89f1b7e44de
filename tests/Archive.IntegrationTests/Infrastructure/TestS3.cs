using System.Diagnostics;

namespace Archive.IntegrationTests.Infrastructure;

/// <summary>
/// An S3-compatible server of a test class's own: s3rver (from npm, which scripts/test installs) on a
/// free loopback port, with one bucket, its objects in a temporary folder.
/// </summary>
public sealed class TestS3 : IDisposable
{
    public const string Bucket = "archive-originals", Key = "S3RVER", Secret = "S3RVER";
    readonly string _folder = Directory.CreateTempSubdirectory("archive-s3-").FullName;
    readonly Process _server;

    public string ServiceUrl { get; }

    public TestS3()
    {
        var port = Ports.Free();
        var info = new ProcessStartInfo("s3rver") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-d", _folder, "-a", "127.0.0.1", "-p", port.ToString(), "--configure-bucket", Bucket, "--silent"]) info.ArgumentList.Add(a);
        // s3rver makes its continuation tokens with a cipher that OpenSSL 3 keeps in its legacy provider.
        info.Environment["NODE_OPTIONS"] = "--openssl-legacy-provider";
        _server = Process.Start(info)!;
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Ports.Listening(port))
        {
            if (_server.HasExited || DateTime.UtcNow > deadline) throw new InvalidOperationException($"s3rver did not start on port {port}");
            Thread.Sleep(100);   // the server is starting in another process: nothing to await but its port
        }
        ServiceUrl = $"http://127.0.0.1:{port}";
    }

    /// <summary>The settings that point the Archive's originals at this server.</summary>
    public Dictionary<string, string> Settings(string store = "s3") => new()
    {
        ["Archive:Originals:Store"] = store,
        ["Archive:Originals:S3:ServiceUrl"] = ServiceUrl,
        ["Archive:Originals:S3:Bucket"] = Bucket,
        ["Archive:Originals:S3:AccessKey"] = Key,
        ["Archive:Originals:S3:SecretKey"] = Secret,
    };

    /// <summary>The objects' files as s3rver keeps them (one folder per object, under the bucket's).</summary>
    public IEnumerable<string> ObjectKeys() =>
        Directory.Exists(Path.Combine(_folder, Bucket))
            ? Directory.GetFiles(Path.Combine(_folder, Bucket), "*._S3rver_object", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Path.Combine(_folder, Bucket), f)[..^"._S3rver_object".Length].Replace('\\', '/'))
            : [];


    public void Dispose()
    {
        _server.Kill(entireProcessTree: true);
        _server.WaitForExit(10_000);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
