namespace Archive.Api.Originals;

/// <summary>
/// A read-only, seekable stream over an original kept in parts of equal size: a part is fetched when a
/// read reaches it, one part held at a time. Seekable with a known length, so that ASP.NET Core can
/// answer Range requests from it (reading only the parts a range covers).
/// </summary>
sealed class PartedStream(long length, int partBytes, Func<int, CancellationToken, Task<byte[]>> fetch) : Stream
{
    long _position;
    int _index = -1;
    byte[] _part = [];

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        if (_position >= length || buffer.Length == 0) return 0;
        var index = (int)(_position / partBytes);
        if (index != _index) (_part, _index) = (await fetch(index, ct), index);
        var offset = (int)(_position - (long)index * partBytes);
        // A part shorter than it should be (a damaged store) ends the stream instead of looping on it.
        if (offset >= _part.Length) return 0;
        var count = Math.Min(buffer.Length, _part.Length - offset);
        _part.AsMemory(offset, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
