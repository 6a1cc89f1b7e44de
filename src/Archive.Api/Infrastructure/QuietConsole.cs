using System.Text;
using Spectre.Console;

namespace Archive.Api.Infrastructure;

/// <summary>
/// The command line prints only what a command has to say. JasperFx announces every assembly it
/// searches for commands ("Searching 'Marten, …' for commands") through Spectre.Console, and the
/// host logs its start at Information: both would bury a command's own lines. Arguments it cannot
/// read (a word where a number goes) it reports with the parser's stack trace: that becomes one line.
/// </summary>
public static class QuietConsole
{
    /// <summary>Whether the arguments name a command rather than serving (no arguments, flags only, or "run").</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && args[0] != "run";

    /// <summary>Everything Spectre.Console writes goes to standard error (commands such as export write their data to standard output), less the discovery chatter.</summary>
    public static void Install()
    {
        var ansi = Console.IsErrorRedirected || Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 } ? AnsiSupport.No : AnsiSupport.Detect;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = ansi, Out = new AnsiConsoleOutput(new QuietFilter(Console.Error)) });
    }

    sealed class QuietFilter(TextWriter inner) : TextWriter
    {
        enum State { Normal, Discovery, AfterDiscovery, ParseError, ParseStack }

        const string ParseError = "Error parsing input";
        static readonly System.Text.RegularExpressions.Regex Escapes = new("\u001b\\[[0-9;]*m", System.Text.RegularExpressions.RegexOptions.Compiled);
        readonly StringBuilder _line = new();
        State _state;

        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            if (value != '\n') { _line.Append(value); return; }
            var line = _line.ToString();
            _line.Clear();
            if (Keep(line, Escapes.Replace(line, "").TrimEnd()) is { } kept) inner.WriteLine(kept);
        }

        /// <summary>
        /// Discovery: "Searching '…" up to "…for commands" (a narrow terminal wraps it), and a blank line after.
        /// A parse error: its heading, the exception's "Type: message" line (kept, as one line with the
        /// heading), then its stack, indented, up to the usage that follows.
        /// </summary>
        string? Keep(string line, string plain)
        {
            if (_state == State.Normal && plain.StartsWith("Searching '", StringComparison.Ordinal)) _state = State.Discovery;
            switch (_state)
            {
                case State.Discovery:
                    if (plain.EndsWith("for commands", StringComparison.Ordinal)) _state = State.AfterDiscovery;
                    return null;
                case State.AfterDiscovery:
                    _state = State.Normal;
                    return plain.Length == 0 ? null : Keep(line, plain);
                case State.ParseError when plain.Length > 0:
                    _state = State.ParseStack;
                    return $"{ParseError}: {WithoutTypeName(plain)}";
                case State.ParseError:
                case State.ParseStack when plain.Length == 0 || char.IsWhiteSpace(plain[0]):
                    return null;
            }
            _state = plain == ParseError ? State.ParseError : State.Normal;
            return _state == State.ParseError ? null : line;
        }

        static string WithoutTypeName(string plain)
        {
            var colon = plain.IndexOf(": ", StringComparison.Ordinal);
            return colon > 0 && !plain[..colon].Contains(' ') ? plain[(colon + 2)..] : plain;
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
