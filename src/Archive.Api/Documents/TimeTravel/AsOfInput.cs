using JasperFx.CommandLine;

namespace Archive.Api.Documents.TimeTravel;

/// <summary>--as-of and --axis, as every command that answers "as of" takes them.</summary>
public class AsOfInput : NetCoreInput
{
    [Description("The moment: an ISO 8601 instant, a Dutch local time or a date; now when left out"), FlagAlias("as-of")]
    public string? AsOfFlag { get; set; }

    [Description("source (bijgewerkt, the default) or recorded"), FlagAlias("axis")]
    public string? AxisFlag { get; set; }

    /// <summary>The moment asked for, or null after a one-line reason on standard error.</summary>
    public TimeTravelQuery? Query(string command)
    {
        var query = TimeTravelQuery.Parse(AsOfFlag, AxisFlag);
        if (query.Problem is null) return query;
        Console.Error.WriteLine($"{command}: '{AsOfFlag}' / '{AxisFlag}' cannot be read; --as-of takes {Content.Documents.AsOf.AcceptedFormats}, --axis source or recorded");
        return null;
    }
}
