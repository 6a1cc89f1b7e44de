using Archive.Content.Documents;

namespace Archive.Api.Documents.TimeTravel;

/// <summary>The ?asOf=&amp;axis= of a request, checked; and how an answer becomes HTTP.</summary>
public sealed record TimeTravelQuery(DateTimeOffset At, Axis Axis, bool ByReplay, IResult? Problem)
{
    /// <summary>No asOf means now; a moment far in the future means now too.</summary>
    public static TimeTravelQuery Parse(string? asOf, string? axis, string? via = null)
    {
        var now = DateTimeOffset.UtcNow;
        if (!AsOf.TryParseAxis(axis, out var parsedAxis))
            return Refused(now, "Unknown axis", $"axis '{axis}' is not accepted; use source (the source's bijgewerkt, the default) or recorded (when the Archive recorded it).");
        if (via is not null and not "index" and not "events")
            return Refused(now, "Unknown via", $"via '{via}' is not accepted; use index (the default) or events (replay the stream, slow, to cross-check).");
        if (asOf is null) return new TimeTravelQuery(DateTimeOffset.MaxValue, parsedAxis, via == "events", null);
        return AsOf.TryParse(asOf, out var at)
            ? new TimeTravelQuery(at, parsedAxis, via == "events", null)
            : Refused(now, "Invalid asOf", $"asOf '{asOf}' is not a moment the Archive can read; use {AsOf.AcceptedFormats}.");
    }

    static TimeTravelQuery Refused(DateTimeOffset now, string title, string detail) => new(now, Axis.Source, false, Problems.Status(400, title, detail));

    public static IResult Result(string number, AsOfAnswer answer, TimeTravelQuery query) => answer switch
    {
        AsOfAnswer.Found found => Results.Ok(DocumentAsOf.Of(found.Revision, query.At, query.Axis)),
        AsOfAnswer.Withdrawn gone => Problems.Withdrawn(number, gone.Status.SourceUpdatedAt, gone.Status.RecordedAt),
        AsOfAnswer.NotYet notYet => Results.Problem(statusCode: 404, title: "Not yet in existence",
            detail: $"Document '{number}' did not exist yet at {query.At:yyyy-MM-ddTHH:mm:ssZ} on the {Name(query.Axis)} axis; it first appears at {notYet.FirstAppears:yyyy-MM-ddTHH:mm:ssZ}.",
            extensions: new Dictionary<string, object?> { ["firstAppears"] = notYet.FirstAppears }),
        _ => Problems.UnknownDocument(number),
    };

    static string Name(Axis axis) => axis.ToString().ToLowerInvariant();
}
