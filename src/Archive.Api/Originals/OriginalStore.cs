using Marten;

namespace Archive.Api.Originals;

/// <summary>
/// Where the bytes of originals live: PostgreSQL by default, an S3-compatible object store beyond one
/// machine. Which store holds an original is written in <see cref="OriginalFiles"/>' index, in the
/// transaction of the event that names it, so that no committed revision lacks its original.
/// </summary>
public interface IOriginalStore
{
    /// <summary>"postgres" or "s3": what the index records of each original this store keeps.</summary>
    string Name { get; }

    /// <summary>
    /// Keeps the bytes under their SHA-256: PostgreSQL queues them in the session's transaction, S3 puts
    /// the object now, before the transaction commits (an object no event names is harmless; <c>originals gc</c> removes it).
    /// </summary>
    Task PutAsync(IDocumentSession session, string sha256, ReadOnlyMemory<byte> bytes, CancellationToken ct);

    /// <summary>The bytes as a seekable stream of the given length, read a part at a time as they are asked for.</summary>
    Stream Open(string sha256, long length);

    /// <summary>The bytes from first to last, for reading through once (hashing, copying): as fast as the store streams.</summary>
    Stream OpenSequential(string sha256, long length) => Open(sha256, length);

    /// <summary>Removes the bytes (moving stores, collecting orphans); the caller removes the index row.</summary>
    Task DeleteAsync(string sha256, CancellationToken ct);
}

/// <summary>One kept original in the index: its hash, size and the store that holds it.</summary>
public sealed record KeptOriginal(string Sha256, long Length, string Store);
