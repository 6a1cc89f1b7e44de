using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Archive.Fuzz;
using CsCheck;

// Archive.Fuzz <target|all> [--executions N] [--threads T] [--corpus DIR]
// Runs each target on N mutated inputs (CsCheck draws them), prints
// one line of figures per target, and keeps every input that crashed a parser or took over
// a second in DIR/<target>/ (the unit tests replay that corpus; one made from a real file of
// ../shared/fixtures is kept as a delta against it, KeptInput). A target with no input to start
// from (its only ones are real files and ../shared/fixtures is absent) is left out, saying so.
// Exit 1 when anything crashed.
if (args is ["replay", var name, .. var files])
{
    // Archive.Fuzz replay <target> FILE...: runs a kept input again, with its time and what it raised.
    foreach (var file in files)
    {
        var started = Stopwatch.GetTimestamp();
        string outcome;
        try { FuzzTargets.Named(name).Run(KeptInput.Read(file)); outcome = "ok"; }
        catch (Exception e) { outcome = e.ToString(); }
        Console.WriteLine($"{Path.GetFileName(file)}: {Stopwatch.GetElapsedTime(started).TotalMilliseconds:N0} ms, {outcome}");
    }
    return 0;
}
var options = Options.Read(args);
var targets = options.Target == "all" ? FuzzTargets.All.Where(t => t.Name != "doc").ToArray() : [FuzzTargets.Named(options.Target)];
var crashed = 0;
Console.WriteLine($"{"target",-13} {"executions",12} {"crashes",8} {"exec/s",8} {"slowest",9}");
foreach (var target in targets)
{
    if (target.Seeds().Count == 0)
    {
        Console.WriteLine($"{target.Name,-13} left out: it {SharedFixtures.Reason()}");
        continue;
    }
    var report = Run(target, options);
    crashed += report.Crashes;
    Console.WriteLine($"{target.Name,-13} {report.Executions,12:N0} {report.Crashes,8} {report.PerSecond,8:N0} {report.SlowestMs,7:N0}ms");
}
return crashed == 0 ? 0 : 1;

static Report Run(FuzzTarget target, Options options)
{
    var gen = Mutations.Of(target);
    long executions = 0;
    var crashes = 0;
    var slowestTicks = 0L;
    var seen = new HashSet<string>();
    var clock = Stopwatch.StartNew();
    // What each thread is running and since when: a watchdog keeps an input that runs over ten
    // seconds as a hang (it may never end) and says so; once a minute it prints how far the run is.
    var running = new System.Collections.Concurrent.ConcurrentDictionary<int, (byte[] Input, long Since)>();
    var lastProgress = Stopwatch.GetTimestamp();
    using var watchdog = new Timer(_ =>
    {
        foreach (var (_, (input, since)) in running)
            if (Stopwatch.GetElapsedTime(since) > TimeSpan.FromSeconds(10) && Keep(options.Corpus, target, "hang", input, seen))
                Console.Error.WriteLine($"{target.Name}: an input has run for over 10 s ({input.Length:N0} bytes); kept as a hang");
        if (Stopwatch.GetElapsedTime(lastProgress) > TimeSpan.FromMinutes(1))
        {
            lastProgress = Stopwatch.GetTimestamp();
            Console.Error.WriteLine($"{target.Name}: {Interlocked.Read(ref executions):N0} executions, {Volatile.Read(ref crashes)} crashes, {clock.Elapsed:hh\\:mm\\:ss}");
        }
    }, null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    gen.Sample(input =>
    {
        var started = Stopwatch.GetTimestamp();
        running[Environment.CurrentManagedThreadId] = (input, started);
        try
        {
            target.Run(input);
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref crashes);
            if (Keep(options.Corpus, target, "crash", input, seen))
                Console.Error.WriteLine($"{target.Name}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
        }
        running.TryRemove(Environment.CurrentManagedThreadId, out _);
        var took = Stopwatch.GetTimestamp() - started;
        if (took > Stopwatch.Frequency) Keep(options.Corpus, target, "slow", input, seen);
        for (var was = Volatile.Read(ref slowestTicks); took > was; was = Volatile.Read(ref slowestTicks))
            if (Interlocked.CompareExchange(ref slowestTicks, took, was) == was) break;
        Interlocked.Increment(ref executions);
    }, iter: options.Executions, threads: options.Threads);
    return new Report(executions, crashes, executions / clock.Elapsed.TotalSeconds, slowestTicks * 1000.0 / Stopwatch.Frequency);
}

/// <summary>
/// Keeps an input in the corpus once (named by its hash); true when it is new. One made from a
/// real file is kept as a delta against it (.delta), never as its bytes: real files are not committed.
/// </summary>
static bool Keep(string? corpus, FuzzTarget target, string kind, byte[] input, HashSet<string> seen)
{
    var name = $"{kind}-{Convert.ToHexStringLower(SHA256.HashData(input))[..16]}";
    lock (seen)
        if (!seen.Add(name)) return false;
    if (corpus is not null)
    {
        Directory.CreateDirectory(Path.Combine(corpus, target.Name));
        if (KeptInput.Delta(input, FuzzTargets.RealFiles) is { } delta) File.WriteAllText(Path.Combine(corpus, target.Name, name + ".delta"), delta);
        else File.WriteAllBytes(Path.Combine(corpus, target.Name, name + ".bin"), input);
    }
    return true;
}

sealed record Report(long Executions, int Crashes, double PerSecond, double SlowestMs);

sealed record Options(string Target, long Executions, int Threads, string? Corpus)
{
    public static Options Read(string[] args)
    {
        var (target, executions, threads, corpus) = ("all", 1_000_000L, 1, (string?)null);
        for (var i = 0; i < args.Length; i++)
            switch (args[i])
            {
                case "--executions": executions = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--corpus": corpus = args[++i]; break;
                case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: target = args[i]; break;
            }
        return new Options(target, executions, threads, corpus);
    }
}
