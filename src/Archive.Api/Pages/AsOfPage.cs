using Archive.Api.Documents.TimeTravel;
using Archive.Content.Documents;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Api.Pages;

/// <summary>A page with the "zoals het stond op" picker: ?asOf=&amp;axis=, read the same way as the API reads them.</summary>
public abstract class AsOfPage : ArchivePage
{
    [FromQuery] public string? AsOf { get; set; }
    [FromQuery] public string? Axis { get; set; }

    /// <summary>The axis asked for (or source), to show as chosen in the picker.</summary>
    public Archive.Content.Documents.Axis ChosenAxis { get; private set; }

    public bool AsksAsOf => AsOf is not null || Axis is not null;

    /// <summary>The date part of asOf, for the date input.</summary>
    public string DateInput => AsOf is { Length: >= 10 } ? AsOf[..10] : "";

    /// <summary>The moment asked for, or the 400 problem that says why it cannot be read.</summary>
    protected (TimeTravelQuery? Query, ProblemView? Problem) ReadAsOf()
    {
        var query = TimeTravelQuery.Parse(string.IsNullOrWhiteSpace(AsOf) ? null : AsOf, Axis);
        if (query.Problem is not null)
            return (null, new ProblemView(400, "Ongeldige datum of as",
                $"'{AsOf}' is geen moment dat het archief kan lezen, of '{Axis}' is geen as. Gebruik een datum (2026-02-05) of een tijd (2026-02-05T10:00), {Archive.Content.Input.Limits.TimeRangeInDutch}, en as 'source' of 'recorded'."));
        ChosenAxis = query.Axis;
        return (query, null);
    }

    protected static string On(Archive.Content.Documents.Axis axis) => axis == Archive.Content.Documents.Axis.Source ? "volgens de bron" : "in het archief";
}
