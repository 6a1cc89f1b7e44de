using System.Text;
using Spectre.Console;

namespace Archive.Api.Infrastructure;

/// <summary>
/// The command line prints only what a command has to say. JasperFx announces every assembly it
/// searches for commands ("Searching 'Marten, …' for commands") through Spectre.Console, and the
/// host logs its start at Information: both would bury a command's own lines.
/// </summary>
public static class QuietConsole
{
    /// <summary>Whether the arguments name a command rather than serving (no arguments, flags only, or "run").</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && args[0] != "run";

    /// <summary>Everything Spectre.Console writes goes to standard error (commands such as export write their data to standard output), less the discovery chatter.</summary>
    public static void Install()
    {
        var ansi = Console.IsErrorRedirected || Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 } ? AnsiSupport.No : AnsiSupport.Detect;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = ansi, Out = new AnsiConsoleOutput(new DiscoveryFilter(Console.Error)) });
    }

    sealed class DiscoveryFilter(TextWriter inner) : TextWriter
    {
        static readonly System.Text.RegularExpressions.Regex Escapes = new("\u001b\\[[0-9;]*m", System.Text.RegularExpressions.RegexOptions.Compiled);
        readonly StringBuilder _line = new();
        bool _inDiscovery, _dropNextBlank;

        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            if (value != '\n') { _line.Append(value); return; }
            var line = _line.ToString();
            _line.Clear();
            var plain = Escapes.Replace(line, "").TrimEnd();
            // A narrow terminal wraps a message over lines: it starts with "Searching '" and ends with "for commands".
            if (plain.StartsWith("Searching '", StringComparison.Ordinal)) _inDiscovery = true;
            if (_inDiscovery)
            {
                if (plain.EndsWith("for commands", StringComparison.Ordinal)) (_inDiscovery, _dropNextBlank) = (false, true);
                return;
            }
            if (_dropNextBlank && line.Trim().Length == 0) { _dropNextBlank = false; return; }
            _dropNextBlank = false;
            inner.WriteLine(line);
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "") Write(c);
        }

        public override void Flush()
        {
            if (_line.Length > 0) { inner.Write(_line.ToString()); _line.Clear(); }
            inner.Flush();
        }
    }
}
