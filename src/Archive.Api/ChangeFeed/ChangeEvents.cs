using System.Net.Mime;
using System.Text.Json;
using System.Text.Json.Serialization;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.Extensions;
using CloudNative.CloudEvents.SystemTextJson;
using Marten;

namespace Archive.Api.ChangeFeed;

/// <summary>Changes as CloudEvents 1.0, with the sequence extension (the global sequence, zero-padded so that it sorts as text).</summary>
public static class ChangeEvents
{
    public const string Source = "/archive";
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };
    public static readonly JsonEventFormatter Formatter = new(Json, new JsonDocumentOptions());

    public static CloudEvent ToCloudEvent(ChangeRecord record)
    {
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0, Sequence.AllAttributes)
        {
            Id = record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Source = new Uri(Source, UriKind.Relative),
            Type = record.Type,
            Subject = record.Subject,
            Time = record.Time,
            DataContentType = "application/json",
            Data = record.Data,
        };
        cloudEvent[Sequence.SequenceAttribute] = record.Id.ToString("D20", System.Globalization.CultureInfo.InvariantCulture);
        return cloudEvent;
    }

    public static byte[] Batch(IEnumerable<ChangeRecord> records, out ContentType contentType) =>
        Formatter.EncodeBatchModeMessage(records.Select(ToCloudEvent), out contentType).ToArray();

    public static byte[] One(ChangeRecord record) =>
        Formatter.EncodeStructuredModeMessage(ToCloudEvent(record), out _).ToArray();

    /// <summary>The changes after <paramref name="after"/>, oldest first, narrowed by the filters every feed takes.</summary>
    public static Task<IReadOnlyList<ChangeRecord>> AfterAsync(IQuerySession session, long after, int limit, ChangeFilter filter, CancellationToken ct) =>
        After(session, after, filter).OrderBy(c => c.Id).Take(limit).ToListAsync(ct);

    /// <summary>The changes after a sequence that pass a filter.</summary>
    public static IQueryable<ChangeRecord> After(IQuerySession session, long after, ChangeFilter filter)
    {
        var query = session.Query<ChangeRecord>().Where(c => c.Id > after);
        if (filter.Dossier is { } dossier) query = query.Where(c => c.Dossier == dossier);
        if (filter.Kind is { } kind) query = query.Where(c => c.Kind == kind);
        if (filter.Document is { } document) query = query.Where(c => c.Subject == document);
        return query;
    }
}

/// <summary>
/// dossier=, kind=, document=: the same filter names on every feed. Webhook subscriptions and follows
/// also take a zaak (a case number the document names) and a search query (<see cref="Q"/>, the search
/// syntax as it is); those need the document's text or metadata, so <see cref="ChangeMatching"/> decides them.
/// Every filter given must hold.
/// </summary>
public sealed record ChangeFilter(string? Dossier, string? Kind, string? Document, string? Zaak = null, string? Q = null)
{
    public string Query => string.Concat(
        Dossier is null ? "" : $"&dossier={Uri.EscapeDataString(Dossier)}",
        Kind is null ? "" : $"&kind={Uri.EscapeDataString(Kind)}",
        Document is null ? "" : $"&document={Uri.EscapeDataString(Document)}");

    /// <summary>Whether deciding needs more than the change record: its document's metadata or text.</summary>
    public bool NeedsDocument => Zaak is not null || Q is not null || Kind is not null;

    public bool IsEmpty => Dossier is null && Kind is null && Document is null && Zaak is null && Q is null;

    /// <summary>
    /// Why a filter cannot be one: a dossier or document that is not a number of its kind, a kind or
    /// zaak too long to be one, a search query the search would refuse.
    /// </summary>
    public string? Problem() =>
        Dossier is not null && Content.Input.Identifiers.DossierProblem(Dossier) is { } dossier ? "dossier: " + dossier
        : Document is not null && Content.Input.Identifiers.DocumentProblem(Document) is { } document ? "document: " + document
        : Kind is { Length: > Content.Input.Limits.MaxKindLength } ? $"kind is {Kind.Length:N0} characters long; document kinds are at most {Content.Input.Limits.MaxKindLength}"
        : Kind is not null && Kind.Any(char.IsControl) ? "kind holds a control character"
        : Zaak is { Length: > MaxZaakLength } ? $"zaak is {Zaak.Length:N0} characters long; case numbers are at most {MaxZaakLength}"
        : Zaak is not null && (Zaak.Length == 0 || Zaak.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))) ? "zaak is empty or holds a space or control character"
        : Q is not null && Search.SearchInput.Parse(Q, null, null, null, null, null, null, null, null).Refusal is { } refusal ? "q: " + refusal.Detail
        : null;

    public const int MaxZaakLength = 64;
}
