using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Archive.Content.OpenTk;

namespace Archive.Content.OpenData;

/// <summary>
/// Runs a command-line converter of Debian's (no shell in between) on a file and gives what it
/// printed, as UTF-8: within a time limit, after which the converter and whatever it started are
/// killed, and a limit on what it may print. Every way it can go wrong is a reason, never an exception.
/// </summary>
public static class ConverterProcess
{
    /// <summary>How much of standard error is kept for the reason of a failure.</summary>
    const int MaxErrorBytes = 4096;

    public static ParseResult<string> Run(string executable, string package, IReadOnlyList<string> arguments, TimeSpan timeout, int maxOutputBytes)
    {
        using var process = new Process { StartInfo = Start(executable, arguments) };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            return ParseResult<string>.Fail($"{executable} is not installed (apt-get install {package})");
        }
        process.StandardInput.Close();
        var output = Reader(() => Read(process, process.StandardOutput.BaseStream, maxOutputBytes, killWhenFull: true));
        var errors = Reader(() => Read(process, process.StandardError.BaseStream, MaxErrorBytes, killWhenFull: false));
        var finished = process.WaitForExit(timeout);
        if (!finished) Kill(process);
        // Its pipes close when it is gone; the readers are waited for so that none outlives the process.
        var drained = Task.WaitAll([output, errors], TimeSpan.FromSeconds(10));
        if (!finished || !drained) return ParseResult<string>.Fail($"{executable} did not finish within {timeout.TotalSeconds:0} s and was stopped");
        return Outcome(executable, process.ExitCode, output.Result, errors.Result, maxOutputBytes);
    }

    /// <summary>A thread of its own: a busy thread pool must not leave the converter blocked on a full pipe.</summary>
    static Task<(byte[] Bytes, bool Full)> Reader(Func<(byte[] Bytes, bool Full)> read) =>
        Task.Factory.StartNew(read, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    static ProcessStartInfo Start(string executable, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false, CreateNoWindow = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }

    static ParseResult<string> Outcome(string executable, int exitCode, (byte[] Bytes, bool Full) output, (byte[] Bytes, bool Full) errors, int maxOutputBytes)
    {
        if (output.Full) return ParseResult<string>.Fail($"{executable} printed more than {maxOutputBytes:N0} bytes and was stopped");
        var said = Encoding.UTF8.GetString(errors.Bytes).Trim();
        if (exitCode != 0)
            return ParseResult<string>.Fail($"{executable} failed (exit code {exitCode}){(said.Length > 0 ? ": " + said.ReplaceLineEndings(" ") : "")}");
        return ParseResult<string>.Ok(Encoding.UTF8.GetString(output.Bytes));
    }

    /// <summary>
    /// Keeps up to <paramref name="max"/> bytes and reads on past them, so that the converter never
    /// blocks on a full pipe; past the limit of standard output the converter is stopped instead.
    /// </summary>
    static (byte[] Bytes, bool Full) Read(Process process, Stream stream, int max, bool killWhenFull)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                total += read;
                kept.Write(buffer, 0, (int)Math.Min(read, max - kept.Length));
                if (total <= max || !killWhenFull) continue;
                Kill(process);
                return (kept.ToArray(), true);
            }
        }
        catch (IOException)
        {
            // A pipe broken by the kill: what came before it is all there is.
        }
        return (kept.ToArray(), false);
    }

    static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }
    }
}
