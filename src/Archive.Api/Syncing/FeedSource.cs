namespace Archive.Api.Syncing;

public sealed record FeedPage(string Location, byte[] Xml);

public sealed record Resource(byte[] Bytes, string? ContentType, string Location);

/// <summary>Where SyncFeed pages and document files come from: the portal (or a mirror) over HTTP, or a folder of saved pages.</summary>
public abstract class FeedSource
{
    public static readonly string[] Categories = ["Kamerstukdossier", "Zaak", "DocumentVersie", "Document", "DocumentActor"];

    public abstract string Name { get; }

    /// <summary>The page after <paramref name="checkpoint"/> (the first page when null), or null when there is none.</summary>
    public abstract Task<FeedPage?> PageAsync(string category, string? checkpoint, CancellationToken ct);

    /// <summary>What to resume from once <paramref name="page"/> is imported.</summary>
    public abstract string CheckpointAfter(FeedPage page, Content.OpenData.SyncFeedPage parsed);

    /// <summary>The newest file of a document (the portal serves no other).</summary>
    public abstract Task<Resource?> ResourceAsync(Guid document, string? enclosure, CancellationToken ct);

    public static FeedSource For(string location, IHttpClientFactory http) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new HttpFeedSource(location.TrimEnd('/'), http.CreateClient("odp"))
            : new FolderFeedSource(Path.GetFullPath(location));
}

/// <summary>The portal's SyncFeed: {base}/Feed?category=X, then each page's last entry's next link, until a page has no entries.</summary>
public sealed class HttpFeedSource(string baseUrl, HttpClient http) : FeedSource
{
    public override string Name => baseUrl;

    public override async Task<FeedPage?> PageAsync(string category, string? checkpoint, CancellationToken ct)
    {
        var url = checkpoint ?? $"{baseUrl}/Feed?category={category}";
        return new FeedPage(url, await http.GetByteArrayAsync(url, ct));
    }

    public override string CheckpointAfter(FeedPage page, Content.OpenData.SyncFeedPage parsed) =>
        parsed.Entries.LastOrDefault()?.Next ?? page.Location;

    public override async Task<Resource?> ResourceAsync(Guid document, string? enclosure, CancellationToken ct)
    {
        var url = enclosure ?? $"{baseUrl}/Resources/{document}";
        using var response = await http.GetAsync(url, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return new Resource(await response.Content.ReadAsByteArrayAsync(ct), response.Content.Headers.ContentType?.MediaType, url);
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

    public override async Task<Resource?> ResourceAsync(Guid document, string? enclosure, CancellationToken ct)
    {
        var resources = Path.Combine(folder, "Resources");
        var file = Directory.Exists(resources) ? Directory.GetFiles(resources, $"{document}*").FirstOrDefault() : null;
        if (file is null) return null;
        var type = Path.GetExtension(file).ToLowerInvariant() switch
        {
            ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".pdf" => "application/pdf",
            _ => null,
        };
        return new Resource(await File.ReadAllBytesAsync(file, ct), type, file);
    }
}
