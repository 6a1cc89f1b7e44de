using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Archive.Content.Input;
using Marten;
using Wolverine.Http;

namespace Archive.Api.ChangeFeed;

/// <summary>The latest changes as Atom: the whole archive, or one dossier.</summary>
public static class AtomFeeds
{
    public const int Latest = 100;

    [WolverineGet("/feeds/changes.atom", OperationId = "ChangesAtom")]
    [Tags("Change feed"), EndpointSummary("The latest changes as an Atom feed")]
    public static async Task<IResult> Changes(HttpContext http, IQuerySession session, Transparency.LogStore log, CancellationToken ct) =>
        Atom(http, "Archief van Kamerstukken: wijzigingen", "urn:archive:changes",
            await session.Query<ChangeRecord>().OrderByDescending(c => c.Id).Take(Latest).ToListAsync(ct), await log.LatestAsync(ct));

    [WolverineGet("/feeds/dossiers/{nr}.atom", OperationId = "DossierAtom")]
    [Tags("Change feed"), EndpointSummary("The latest changes to the documents of one Kamerstukdossier as an Atom feed")]
    public static async Task<IResult> Dossier(string nr, HttpContext http, IQuerySession session, Transparency.LogStore log, CancellationToken ct) =>
        Atom(http, $"Kamerstukdossier {nr}: wijzigingen", $"urn:archive:dossier:{nr}",
            await session.Query<ChangeRecord>().Where(c => c.Dossier == nr).OrderByDescending(c => c.Id).Take(Latest).ToListAsync(ct), await log.LatestAsync(ct));

    /// <summary>The feed, with a link to the transparency log's latest checkpoint (its size and root hash in the link's title).</summary>
    /// <param name="described">Changes told with their structural summaries: their entries say what changed in the text, and link to the diff page.</param>
    internal static IResult Atom(HttpContext http, string title, string id, IReadOnlyList<ChangeRecord> records, Transparency.SignedCheckpoint? checkpoint,
        IReadOnlyDictionary<long, Dossiers.DossierChange>? described = null)
    {
        var baseUri = Documents.Mementos.Mementos.BaseUri(http.Request);
        var feed = new SyndicationFeed(title, "Elke versie van elk document, en wat er veranderde", Link(baseUri, "/"), id,
            records.Count > 0 ? records[0].Time : DateTimeOffset.UnixEpoch)
        {
            Items = records.Select(r => Item(baseUri, r, described?.GetValueOrDefault(r.Id))).ToList(),
        };
        feed.Links.Add(new SyndicationLink(Link(baseUri, http.Request.Path), "self", null, "application/atom+xml", 0));
        if (checkpoint is not null)
            feed.Links.Add(new SyndicationLink(Link(baseUri, $"/log/checkpoints?size={checkpoint.Size}"), "checkpoint", Transparency.LogHead.Words(checkpoint), "text/plain", 0));
        var xml = new StringBuilder();
        using (var writer = XmlWriter.Create(xml, new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = true }))
            new Atom10FeedFormatter(feed).WriteTo(writer);
        return Results.Text(xml.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\""), "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }

    static SyndicationItem Item(string baseUri, ChangeRecord r, Dossiers.DossierChange? described)
    {
        var what = r.Type[ChangeRecords.TypePrefix.Length..^3];
        var title = r.Data.Revision is { } n ? $"{r.Subject} {what} (revisie {n})" : $"{r.Subject} {what}";
        var link = Link(baseUri, r.Data.Links.GetValueOrDefault("revision", r.Data.Links["document"]));
        // Text kept before control characters were removed at the edge would make the XML writer throw: clean it here too.
        var summary = CleanText.Clean($"{r.Data.Title ?? r.Subject}; {string.Join(", ", r.Data.ChangedFields)}".TrimEnd(' ', ';', ','));
        if (described is { Summary.Count: > 0 }) summary = CleanText.Clean($"{summary}. {string.Join("; ", described.Summary)}");
        var item = new SyndicationItem(CleanText.Clean(title), summary, link, $"urn:archive:change:{r.Id}", r.Time);
        item.Categories.Add(new SyndicationCategory(r.Type));
        if (described is { What: "revised", Revision: { } to })
            item.Links.Add(new SyndicationLink(Link(baseUri, $"/documents/{r.Subject}/diff?from={to - 1}&to={to}"), "related", "verschil", "text/html", 0));
        return item;
    }

    /// <summary>Absolute under the configured public base URL, root-relative without one.</summary>
    static Uri Link(string baseUri, string path) => new(baseUri + path, baseUri.Length > 0 ? UriKind.Absolute : UriKind.Relative);
}
