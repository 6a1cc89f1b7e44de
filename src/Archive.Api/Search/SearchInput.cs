using Archive.Api.Documents.TimeTravel;
using Archive.Content.Documents;
using Archive.Content.Search;

namespace Archive.Api.Search;

/// <summary>The parameters of a search, from the API or the search page, checked into a <see cref="SearchRequest"/> or a reason.</summary>
public static class SearchInput
{
    public const int DefaultLimit = 20, MaxLimit = 100;

    /// <summary>A question longer than this is refused: real ones are a few words, and each word costs the database a part of the query.</summary>
    public const int MaxQueryLength = 1_000, MaxQueryWords = 32;

    /// <param name="Title">For the API's ProblemDetails, with <paramref name="Detail"/>.</param>
    /// <param name="InDutch">The same for a reader of the search page, who sees a form, not parameters.</param>
    public sealed record Refusal(string Title, string Detail, string InDutch);

    const string NoWord = "Er staat geen woord in de zoekvraag om naar te zoeken (alleen woorden met een minteken, of geen letters of cijfers).";
    const string BadPeriod = "De datums van de periode kloppen niet: gebruik jjjj-mm-dd, en 'van' niet na 'tot'.";

    public static (SearchRequest? Request, Refusal? Refusal) Parse(
        string? q, string? kind, string? dossier, string? from, string? to, string? asOf, string? axis, int? limit, int? offset)
    {
        if (q is { Length: > MaxQueryLength })
            return Refused("Query too long", $"q is {q.Length:N0} characters long; the Archive takes at most {MaxQueryLength:N0}.",
                $"De zoekvraag is te lang: hoogstens {MaxQueryLength:N0} tekens.");
        var query = SearchQuery.Parse(q);
        if (query.Size > MaxQueryWords)
            return Refused("Too many words", $"q holds {query.Size} words and numbers; the Archive takes at most {MaxQueryWords}.",
                $"De zoekvraag heeft te veel woorden: hoogstens {MaxQueryWords}.");
        if (query.ToTsQuery() is null && query.Numbers.Count == 0)
            return Refused("Nothing to search for", string.IsNullOrWhiteSpace(q)
                ? "Give q: words (a phrase in \"quotes\", 'or' between alternatives, -word to leave out) or a document or dossier number."
                : $"'{q}' has no word to look for: only words left out, or no letters or digits.", NoWord);
        if (!TryDate(from, out var fromDate)) return Refused("Invalid from", $"from '{from}' is not a date; use yyyy-MM-dd, {Content.Input.Limits.TimeRange}.", BadPeriod);
        if (!TryDate(to, out var toDate)) return Refused("Invalid to", $"to '{to}' is not a date; use yyyy-MM-dd, {Content.Input.Limits.TimeRange}.", BadPeriod);
        if (fromDate > toDate) return Refused("Empty date range", $"from {fromDate:yyyy-MM-dd} is after to {toDate:yyyy-MM-dd}.", BadPeriod);
        if (limit is < 1 or > MaxLimit) return Refused("Invalid limit", $"limit must be between 1 and {MaxLimit}, not {limit}.", $"Er kunnen 1 tot {MaxLimit} resultaten per pagina getoond worden.");
        if (offset is < 0) return Refused("Invalid offset", $"offset must be 0 or more, not {offset}.", "Die pagina bestaat niet.");
        if (Blank(dossier) is { } d && !Content.Input.Identifiers.IsDossierNumber(d))
            return Refused("Invalid dossier", $"dossier {Content.Input.Identifiers.Quoted(d)} is not {Content.Input.Identifiers.DossierShape}.", "Een dossiernummer bestaat uit cijfers, zoals 36180.");
        if (kind is { Length: > Content.Input.Limits.MaxKindLength })
            return Refused("Invalid kind", $"kind is {kind.Length:N0} characters long; document kinds are at most {Content.Input.Limits.MaxKindLength}.", "Die documentsoort bestaat niet.");
        var time = TimeTravelQuery.Parse(string.IsNullOrWhiteSpace(asOf) ? null : asOf, axis);
        if (time.Problem is not null)
            return Refused("Invalid asOf or axis", $"asOf '{asOf}' must be {AsOf.AcceptedFormats}; axis '{axis}' must be source or recorded.",
                $"De datum bij 'zoals het stond op' is geen datum die het archief kan lezen (gebruik jjjj-mm-dd, {Content.Input.Limits.TimeRangeInDutch}).");
        return (new SearchRequest(query, Blank(kind), Blank(dossier), fromDate, toDate, time.At, time.Axis, limit ?? DefaultLimit, offset ?? 0), null);
    }

    static (SearchRequest?, Refusal?) Refused(string title, string detail, string inDutch) => (null, new Refusal(title, detail, inDutch));

    static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DutchTime.TryParseDate(text, out var parsed)) return false;
        date = parsed;
        return true;
    }

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
