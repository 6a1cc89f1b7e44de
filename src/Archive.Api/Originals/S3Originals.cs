using System.Net;
using System.Runtime.InteropServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Marten;
using Microsoft.Extensions.Options;

namespace Archive.Api.Originals;

/// <summary>
/// Originals in an S3-compatible object store (<c>Archive:Originals:Store=s3</c>), one object per file
/// under its SHA-256. An object is put before the event that names it commits: a crash between the two
/// leaves an object that no revision names, which is harmless and which <c>originals gc</c> removes.
/// </summary>
public sealed class S3Originals : IOriginalStore, IDisposable
{
    /// <summary>A read fetches this much of an object at a time (a range), as PostgreSQL's parts do.</summary>
    const int RangeBytes = PostgresOriginals.PartBytes;

    readonly AmazonS3Client _client;
    readonly S3Settings _settings;

    public S3Originals(IOptions<ArchiveOptions> options)
    {
        _settings = options.Value.Originals.S3;
        var config = new AmazonS3Config
        {
            ForcePathStyle = _settings.ForcePathStyle,
            // Checksums only where S3 requires them: servers other than AWS's may not know the trailing ones; the Archive checks SHA-256 itself.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            MaxErrorRetry = 2,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (!string.IsNullOrWhiteSpace(_settings.ServiceUrl)) (config.ServiceURL, config.AuthenticationRegion) = (_settings.ServiceUrl, _settings.Region);
        else config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(_settings.Region);
        _client = _settings.AccessKey is { Length: > 0 } key
            ? new AmazonS3Client(new BasicAWSCredentials(key, _settings.SecretKey ?? ""), config)
            : new AmazonS3Client(config);
    }

    public string Name => "s3";

    public string Describe => $"S3 bucket '{_settings.Bucket}' at {_settings.ServiceUrl ?? _settings.Region}";

    public async Task PutAsync(IDocumentSession session, string sha256, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        // The bytes as they are, no copy: a received file is an array already.
        using var body = MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
        await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _settings.Bucket, Key = Key(sha256), InputStream = body, AutoCloseStream = false,
            ContentType = "application/octet-stream",
            // The body signed whole, not in aws-chunked parts, which some S3-compatible servers store as they come.
            UseChunkEncoding = false,
        }, ct);
    }

    public Stream Open(string sha256, long length) => new PartedStream(length, RangeBytes, (part, ct) => ReadRangeAsync(sha256, part, length, ct));

    async Task<byte[]> ReadRangeAsync(string sha256, int part, long length, CancellationToken ct)
    {
        var start = (long)part * RangeBytes;
        var end = Math.Min(length, start + RangeBytes) - 1;
        using var response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = _settings.Bucket, Key = Key(sha256), ByteRange = new ByteRange(start, end) }, ct);
        using var buffer = new MemoryStream((int)(end - start + 1));
        await response.ResponseStream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    public async Task DeleteAsync(string sha256, CancellationToken ct) =>
        await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _settings.Bucket, Key = Key(sha256) }, ct);

    /// <summary>Every object's hash under the prefix, and when it was written: what <c>originals gc</c> compares with the index.</summary>
    public async IAsyncEnumerable<(string Sha256, DateTimeOffset Written)> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var request = new ListObjectsV2Request { BucketName = _settings.Bucket, Prefix = _settings.Prefix };
        ListObjectsV2Response response;
        do
        {
            response = await _client.ListObjectsV2Async(request, ct);
            foreach (var o in response.S3Objects ?? []) yield return (o.Key[_settings.Prefix.Length..], new DateTimeOffset(o.LastModified ?? DateTime.UtcNow));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
    }

    /// <summary>Whether the bucket answers with these credentials: one line why not, for a command to stop on before it changes anything.</summary>
    public async Task<string?> ProblemAsync(CancellationToken ct)
    {
        try
        {
            await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _settings.Bucket, Prefix = _settings.Prefix, MaxKeys = 1 }, ct);
            return null;
        }
        catch (AmazonS3Exception e)
        {
            return $"{Describe} refused: {(e.StatusCode == HttpStatusCode.Forbidden ? "access denied (check the access key and secret)" : e.Message)}";
        }
        catch (Exception e) when (e is AmazonClientException or HttpRequestException or IOException or TaskCanceledException)
        {
            return $"{Describe} cannot be reached: {e.GetBaseException().Message}";
        }
    }

    string Key(string sha256) => _settings.Prefix + sha256;

    public void Dispose() => _client.Dispose();
}
