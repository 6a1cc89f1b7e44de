using Archive.Api.Documents.GettingHistory;
using Archive.Content.Documents;

namespace Archive.Api.Documents.Mementos;

/// <summary>
/// Memento (RFC 7089) for documents: each revision (/api/documents/{nr}/revisions/{n}) is a
/// memento of the original resource (/api/documents/{nr}), dated by its source time (bijgewerkt),
/// the moment that version came into being. The TimeGate and TimeMap list them in that order.
/// </summary>
public static class Mementos
{
    public sealed record Memento(int Revision, DateTimeOffset Datetime, string Uri);

    /// <summary>The revisions in Memento order: by source time, then source version, then arrival.</summary>
    public static List<Memento> Of(DocumentHistory history, string baseUri) =>
        history.Revisions
            .OrderBy(r => r.SourceUpdatedAt).ThenBy(r => r.SourceVersion).ThenBy(r => r.Revision)
            .Select(r => new Memento(r.Revision, r.SourceUpdatedAt, Revision(baseUri, history.Id, r.Revision)))
            .ToList();

    /// <summary>The configured public base (Archive:PublicBaseUrl), or "" for root-relative links; never the request's Host header.</summary>
    public static string BaseUri(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ArchiveOptions>>().Value.PublicBase;
    public static string Original(string baseUri, string nr) => $"{baseUri}/api/documents/{nr}";
    public static string TimeGate(string baseUri, string nr) => $"{baseUri}/timegate/{nr}";
    public static string TimeMap(string baseUri, string nr) => $"{baseUri}/timemap/link/{nr}";
    public static string TimeMapJson(string baseUri, string nr) => $"{baseUri}/timemap/json/{nr}";
    public static string Revision(string baseUri, string nr, int n) => $"{baseUri}/api/documents/{nr}/revisions/{n}";

    /// <summary>The memento a TimeGate chooses: the last one at or before <paramref name="at"/>, or the first when all are later.</summary>
    public static Memento Choose(List<Memento> mementos, DateTimeOffset? at) =>
        at is { } t ? mementos.LastOrDefault(m => m.Datetime <= t) ?? mementos[0] : mementos[^1];

    public static string Link(string uri, string rel, DateTimeOffset? datetime = null, string? type = null) =>
        $"<{uri}>; rel=\"{rel}\"" + (type is null ? "" : $"; type=\"{type}\"") + (datetime is { } d ? $"; datetime=\"{AsOf.HttpDate(d)}\"" : "");

    /// <summary>The Link header of a memento: original, timegate, timemap, first, last, prev and next.</summary>
    public static string MementoLinks(string baseUri, string nr, List<Memento> mementos, int revision)
    {
        var index = mementos.FindIndex(m => m.Revision == revision);
        var links = new List<string>
        {
            Link(Original(baseUri, nr), "original"),
            Link(TimeGate(baseUri, nr), "timegate"),
            Link(TimeMap(baseUri, nr), "timemap", type: "application/link-format"),
            Link(mementos[0].Uri, "first memento", mementos[0].Datetime),
            Link(mementos[^1].Uri, "last memento", mementos[^1].Datetime),
        };
        if (index > 0) links.Add(Link(mementos[index - 1].Uri, "prev memento", mementos[index - 1].Datetime));
        if (index >= 0 && index < mementos.Count - 1) links.Add(Link(mementos[index + 1].Uri, "next memento", mementos[index + 1].Datetime));
        return string.Join(", ", links);
    }
}
