using Marten;
using Microsoft.Extensions.Options;

namespace Archive.Api.Originals;

/// <summary>The "Archive:Originals" section: where originals are kept.</summary>
public sealed class OriginalsSettings
{
    /// <summary>"postgres" (the default: in the Archive's own database) or "s3".</summary>
    public string Store { get; set; } = "postgres";

    /// <summary>Off, no original is kept: it exists to measure what keeping them costs (scripts/bench-sync), never for an archive.</summary>
    public bool Keep { get; set; } = true;

    public S3Settings S3 { get; set; } = new();
}

/// <summary>An S3-compatible object store: AWS, Ceph's radosgw, MinIO, s3rver …</summary>
public sealed class S3Settings
{
    /// <summary>The endpoint (http://127.0.0.1:4569); unset, AWS's own for <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }
    public string Bucket { get; set; } = "archive-originals";
    public string Region { get; set; } = "us-east-1";
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }

    /// <summary>Addresses objects as endpoint/bucket/key rather than bucket.endpoint/key, as most servers besides AWS want.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Put before each object's key, for a bucket shared with other things.</summary>
    public string Prefix { get; set; } = "originals/";
}

public static class Configuration
{
    public static IServiceCollection AddOriginals(this IServiceCollection services) => services.AddSingleton<OriginalStores>();
}

/// <summary>
/// The stores of originals: the configured one writes, and each original is read from the store its
/// index row names, so that an archive reads every original while they move between stores.
/// </summary>
public sealed class OriginalStores(IDocumentStore documents, IOptions<ArchiveOptions> options) : IDisposable
{
    readonly Lazy<PostgresOriginals> _postgres = new(() => new PostgresOriginals(documents));
    readonly Lazy<S3Originals> _s3 = new(() => new S3Originals(options));

    public static bool IsS3(string? name) => string.Equals(name, "s3", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where new originals go: <c>Archive:Originals:Store</c>.</summary>
    public IOriginalStore Writer => For(options.Value.Originals.Store);

    public IOriginalStore For(string name) => IsS3(name) ? _s3.Value : _postgres.Value;

    public S3Originals S3 => _s3.Value;

    /// <summary>Whether new originals are kept (<see cref="OriginalsSettings.Keep"/>).</summary>
    public bool Keeping => options.Value.Originals.Keep;

    public void Dispose()
    {
        if (_s3.IsValueCreated) _s3.Value.Dispose();
    }
}
