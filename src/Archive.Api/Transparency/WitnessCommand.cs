using System.Text;
using System.Text.Json.Nodes;
using Archive.Api.Infrastructure;
using Archive.Content.Transparency;
using JasperFx.CommandLine;

namespace Archive.Api.Transparency;

public sealed class WitnessInput : NetCoreInput
{
    [Description("The Archive's address (https://archief.example)")]
    public string Url { get; set; } = "";

    [Description("The log's verifier key; on the first run without it, the key the Archive serves is trusted and kept"), FlagAlias("key")]
    public string? KeyFlag { get; set; }

    [Description("Where the last checkpoint seen is kept (default ~/.local/share/archive-witness)"), FlagAlias("state")]
    public string? StateFlag { get; set; }
}

/// <summary>
/// What a researcher or a second archive runs on a schedule: fetch the log's latest checkpoint, check
/// its signature, and check that it extends the last one this witness saw (a consistency proof).
/// A log that shrank, forked or rewrote its past makes it fail loudly, and keep both signed
/// checkpoints as evidence. No database: only HTTP and a folder of its own.
/// </summary>
[Description("Check the Archive's transparency log against the last checkpoint seen; exits non-zero if its history was rewritten", Name = "witness")]
public sealed class WitnessCommand : JasperFxAsyncCommand<WitnessInput>
{
    public override Task<bool> Execute(WitnessInput input) => CommandFaults.Guard("witness", () => RunAsync(input));

    static async Task<bool> RunAsync(WitnessInput input)
    {
        if (!Uri.TryCreate(input.Url.TrimEnd('/'), UriKind.Absolute, out var archive) || archive.Scheme is not ("http" or "https"))
        {
            Console.Error.WriteLine($"witness: '{input.Url}' is not an http(s) address");
            return false;
        }
        var folder = Path.Combine(input.StateFlag ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "archive-witness"),
            string.Concat($"{archive.Authority}{archive.AbsolutePath}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')));
        Directory.CreateDirectory(folder);
        using var http = new HttpClient { BaseAddress = new Uri(archive.AbsoluteUri.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            return await WitnessAsync(http, folder, input.KeyFlag?.Trim());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"witness: {archive} could not be read ({e.Message}); nothing was checked");
            return false;
        }
    }

    static async Task<bool> WitnessAsync(HttpClient http, string folder, string? givenKey)
    {
        var keyFile = Path.Combine(folder, "key");
        var keptKey = File.Exists(keyFile) ? (await File.ReadAllTextAsync(keyFile)).Trim() : null;
        if (givenKey is not null && keptKey is not null && givenKey != keptKey)
            return Alarm($"the key given ({givenKey}) is not the key this witness kept ({keptKey}); remove {keyFile} to change it on purpose");
        var key = givenKey ?? keptKey;
        if (key is null)
        {
            key = (await http.GetStringAsync("log/key")).Trim();
            Console.WriteLine($"witness: no key given: trusting the key the Archive serves, from now on: {key}");
        }
        if (NoteKeys.ParseVerifierKey(key) is null) { Console.Error.WriteLine($"witness: '{key}' is not a verifier key (name+id+key)"); return false; }
        if (keptKey is null) await File.WriteAllTextAsync(keyFile, key + "\n");

        var note = await http.GetStringAsync("log/checkpoint");
        if (NoteKeys.Open(note, key, out var why) is not { } text || Checkpoint.Parse(text) is not { } now)
            return Alarm($"the checkpoint served is not a checkpoint signed by {key}: {why ?? "unreadable"}", note);

        var lastFile = Path.Combine(folder, "checkpoint");
        if (!File.Exists(lastFile))
        {
            await File.WriteAllTextAsync(lastFile, note);
            Console.WriteLine($"witness: {now.Origin}: first checkpoint seen: {now.Size} leaves, root {Convert.ToBase64String(now.Root)} (kept in {folder})");
            return true;
        }
        var lastNote = await File.ReadAllTextAsync(lastFile);
        var last = Checkpoint.Parse(NoteKeys.Open(lastNote, key, out _) ?? "")
            ?? throw new IOException($"{lastFile} is not a checkpoint signed by the key kept; remove the folder {folder} to start again");

        if (now.Origin != last.Origin) return Alarm($"the log is now called '{now.Origin}', it was '{last.Origin}'", lastNote, note);
        if (now.Size < last.Size) return Alarm($"the log shrank from {last.Size} to {now.Size} leaves", lastNote, note);
        if (now.Size == last.Size)
        {
            if (!now.Root.AsSpan().SequenceEqual(last.Root)) return Alarm($"two different trees of {now.Size} leaves are signed: the log forked", lastNote, note);
            Console.WriteLine($"witness: {now.Origin}: unchanged at {now.Size} leaves");
            return true;
        }
        var json = JsonNode.Parse(await http.GetStringAsync($"log/consistency?from={last.Size}&to={now.Size}"))!;
        var proof = json["proof"]!.AsArray().Select(h => Convert.FromBase64String((string)h!)).ToList();
        if (!MerkleTree.VerifyConsistency(last.Size, last.Root, now.Size, now.Root, proof))
            return Alarm($"the tree of {now.Size} leaves does not extend the tree of {last.Size} this witness saw: history was rewritten", lastNote, note);
        await File.WriteAllTextAsync(lastFile, note);
        Console.WriteLine($"witness: {now.Origin}: {last.Size} → {now.Size} leaves, consistent with the checkpoint seen before");
        return true;

        bool Alarm(string what, params string[] evidence)
        {
            Console.Error.WriteLine($"witness: ALARM: {what}");
            if (evidence.Length == 0) return false;
            var file = Path.Combine(folder, $"evidence-{DateTime.UtcNow:yyyyMMddTHHmmssZ}.txt");
            File.WriteAllText(file, string.Join("\n----\n", evidence), Encoding.UTF8);
            Console.Error.WriteLine($"witness: the signed checkpoints are kept as evidence in {file}");
            return false;
        }
    }
}
