using Archive.Api.Documents;
using Archive.Api.Documents.Recording;
using Archive.Api.Importing;
using Archive.Content.OpenTk;

namespace Archive.Tests.Documents;

/// <summary>Builds state the way the event store does: by applying events, in order.</summary>
static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    static readonly Provenance Source = new("opentk-page", "test", null, null, null, "text/plain", "test");

    public static ImportRevision Page(string file, Func<string, string>? change = null) =>
        OpenTkPages.Command(OpenTkPageParser.Parse((change ?? (t => t))(Fixture.Text(file))).Value!, Source);

    public static ImportRevision V1 => Page("2026D04632-v1.txt");
    public static ImportRevision V2 => Page("2026D04632-v2.txt");

    /// <summary>Imports each command in turn, returning the state and every event appended.</summary>
    public static (Document? State, List<RevisionImported> Events) History(params ImportRevision[] commands)
    {
        Document? state = null;
        var events = new List<RevisionImported>();
        foreach (var (command, i) in commands.Select((c, i) => (c, i)))
        {
            var decision = ImportRevisionDecision.Decide(state, command, Now.AddMinutes(i));
            foreach (var e in decision.Events) (state ??= new Document()).Apply(e);
            events.AddRange(decision.Events);
        }
        return (state, events);
    }
}
