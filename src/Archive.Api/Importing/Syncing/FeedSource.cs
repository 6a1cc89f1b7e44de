using Archive.Api.Infrastructure;
using Archive.Api.Importing.Syncing.Gaps;

namespace Archive.Api.Importing.Syncing;

public sealed record FeedPage(string Location, byte[] Xml);

public sealed record Resource(byte[] Bytes, string? ContentType, string Location);

/// <summary>A document's file, or why it could not be had.</summary>
public sealed record ResourceAnswer(Resource? Resource, GapProblem? Problem)
{
    public static ResourceAnswer Failed(string reason, string detail, string location) => new(null, new GapProblem(reason, detail, location));
}

/// <summary>Where SyncFeed pages and document files come from: the portal (or a mirror) over HTTP, or a folder of saved pages.</summary>
public abstract class FeedSource
{
    public static readonly string[] Categories = ["Kamerstukdossier", "Zaak", "DocumentVersie", "Document", "DocumentActor"];

    public abstract string Name { get; }

    /// <summary>The page after <paramref name="checkpoint"/> (the first page when null), or null when there is none.</summary>
    public abstract Task<FeedPage?> PageAsync(string category, string? checkpoint, CancellationToken ct);

    /// <summary>What to resume from once <paramref name="page"/> is imported.</summary>
    public abstract string CheckpointAfter(FeedPage page, Content.OpenData.SyncFeedPage parsed);

    /// <summary>Why the page's next link cannot be the checkpoint (it leads off the portal), or null: then the page is not imported and its category stops.</summary>
    public virtual string? CheckpointProblem(Content.OpenData.SyncFeedPage parsed) => null;

    /// <summary>The newest file of a document (the portal serves no other), at most <paramref name="maxBytes"/> of it.</summary>
    public abstract Task<ResourceAnswer> ResourceAsync(Guid document, string? enclosure, long maxBytes, CancellationToken ct);

    /// <summary>An http(s) location is the portal or a mirror of it; anything else is a folder. Its links are bounded by <paramref name="settings"/>.</summary>
    public static FeedSource For(string location, IHttpClientFactory http, SyncSettings? settings = null) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new HttpFeedSource(location.TrimEnd('/'), http.CreateClient("odp"), settings ?? new SyncSettings())
            : new FolderFeedSource(Path.GetFullPath(location));

    protected static ResourceAnswer TooLarge(string location, long? bytes, long maxBytes) =>
        ResourceAnswer.Failed(GapReasons.TooLarge, $"the file {location} is {(bytes is { } b ? $"{b:N0} bytes" : "larger than that")}, over the limit of {maxBytes:N0} bytes", location);
}

/// <summary>
/// The portal's SyncFeed: {base}/Feed?category=X, then each page's last entry's next link, until a
/// page has no entries. Every link it follows, redirects included, must pass <see cref="PortalLinks"/>;
/// pages are read up to Archive:Sync:MaxPageBytes.
/// </summary>
public sealed class HttpFeedSource(string baseUrl, HttpClient http, SyncSettings settings) : FeedSource
{
    const int MaxRedirects = 5;
    readonly PortalLinks _links = new(new Uri(baseUrl), settings.AllowedHostList);

    public override string Name => baseUrl;

    public override async Task<FeedPage?> PageAsync(string category, string? checkpoint, CancellationToken ct)
    {
        var (response, url, refused) = await GetAsync(checkpoint ?? $"{baseUrl}/Feed?category={category}", ct);
        if (refused is not null) throw new OutboundRefusedException(refused);
        using var _ = response;
        response!.EnsureSuccessStatusCode();
        var bytes = response.Content.Headers.ContentLength > settings.MaxPageBytes ? null
            : await ReadAtMostAsync(await response.Content.ReadAsStreamAsync(ct), settings.MaxPageBytes, ct);
        return bytes is null
            ? throw new OutboundRefusedException($"the page {url} is larger than Archive:Sync:MaxPageBytes ({settings.MaxPageBytes:N0} bytes)")
            : new FeedPage(url, bytes);
    }

    public override string CheckpointAfter(FeedPage page, Content.OpenData.SyncFeedPage parsed) =>
        parsed.Entries.LastOrDefault()?.Next ?? page.Location;

    public override string? CheckpointProblem(Content.OpenData.SyncFeedPage parsed) =>
        parsed.Entries.LastOrDefault()?.Next is { } next && _links.Problem(next) is { } problem ? $"its next link is not followed: {problem}" : null;

    public override async Task<ResourceAnswer> ResourceAsync(Guid document, string? enclosure, long maxBytes, CancellationToken ct)
    {
        var url = enclosure ?? $"{baseUrl}/Resources/{document}";
        try
        {
            var (sent, at, refused) = await GetAsync(url, ct);
            if (refused is not null) return ResourceAnswer.Failed(GapReasons.OffHostLink, $"the file of {document} is not fetched: {refused}", PortalLinks.Printable(at));
            using var response = sent!;
            if (response.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Gone)
                return ResourceAnswer.Failed(GapReasons.FileMissing, $"the portal has no file at {at} ({(int)response.StatusCode})", at);
            if (!response.IsSuccessStatusCode)
                return ResourceAnswer.Failed(GapReasons.FetchFailed, $"the portal answered {(int)response.StatusCode} {response.ReasonPhrase} for {at}", at);
            if (response.Content.Headers.ContentLength > maxBytes) return TooLarge(at, response.Content.Headers.ContentLength, maxBytes);
            var bytes = await ReadAtMostAsync(await response.Content.ReadAsStreamAsync(ct), maxBytes, ct, response.Content.Headers.ContentLength);
            return bytes is null ? TooLarge(at, null, maxBytes) : new ResourceAnswer(new Resource(bytes, response.Content.Headers.ContentType?.MediaType, at), null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or Polly.ExecutionRejectedException && !ct.IsCancellationRequested)
        {
            return ResourceAnswer.Failed(GapReasons.FetchFailed, $"{url} could not be fetched: {e.Message}", url);
        }
    }

    /// <summary>The answer at the end of the redirects, and its URL; or why a link on the way is not followed.</summary>
    async Task<(HttpResponseMessage? Response, string Url, string? Refused)> GetAsync(string url, CancellationToken ct)
    {
        for (var hop = 0; ; hop++)
        {
            if (_links.Problem(url) is { } problem) return (null, url, problem);
            var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is not { } location) return (response, url, null);
            response.Dispose();
            if (hop == MaxRedirects) return (null, url, $"{url} redirected more than {MaxRedirects} times");
            url = new Uri(new Uri(url), location).AbsoluteUri;
        }
    }

    /// <summary>
    /// The whole stream, or null once it passes <paramref name="maxBytes"/>. Of a length the server
    /// announced, read straight into one array of that length: a file is in memory once, not twice
    /// (a growing buffer, then its copy), which for a file of hundreds of megabytes is the difference.
    /// </summary>
    static async Task<byte[]?> ReadAtMostAsync(Stream stream, long maxBytes, CancellationToken ct, long? length = null)
    {
        await using var _ = stream;
        if (length is { } announced && announced <= maxBytes && announced < Array.MaxLength)
        {
            var bytes = new byte[announced];
            var got = await stream.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, ct);
            return got == bytes.Length ? bytes : bytes[..got];
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

/// <summary>Saved pages, {category}-page-*.xml in name order, and files in Resources/{document id}[.ext].</summary>
public sealed class FolderFeedSource(string folder) : FeedSource
{
    public override string Name => folder;

    public override async Task<FeedPage?> PageAsync(string category, string? checkpoint, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"'{folder}' is not a folder");
        var next = Directory.GetFiles(folder, $"{category.ToLowerInvariant()}-page-*.xml")
            .Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal)
            .FirstOrDefault(name => checkpoint is null || string.CompareOrdinal(name, checkpoint) > 0);
        return next is null ? null : new FeedPage(next, await File.ReadAllBytesAsync(Path.Combine(folder, next), ct));
    }

    public override string CheckpointAfter(FeedPage page, Content.OpenData.SyncFeedPage parsed) => page.Location;

    public override async Task<ResourceAnswer> ResourceAsync(Guid document, string? enclosure, long maxBytes, CancellationToken ct)
    {
        var resources = Path.Combine(folder, "Resources");
        var file = Directory.Exists(resources) ? Directory.GetFiles(resources, $"{document}*").FirstOrDefault() : null;
        if (file is null) return ResourceAnswer.Failed(GapReasons.FileMissing, $"there is no file for {document} in {resources}", resources);
        var length = new FileInfo(file).Length;
        if (length > maxBytes) return TooLarge(file, length, maxBytes);
        return new ResourceAnswer(new Resource(await File.ReadAllBytesAsync(file, ct), TypeOf(file), file), null);
    }

    static string? TypeOf(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".pdf" => "application/pdf",
        ".doc" => "application/msword",
        ".html" or ".htm" => "text/html",
        ".txt" => "text/plain",
        _ => null,
    };
}
