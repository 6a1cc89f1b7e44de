using System.Net;
using Microsoft.Extensions.Options;

namespace Archive.Api.ChangeFeed;

/// <summary>
/// How many change streams are open, in all and per remote address, against
/// Archive:ChangeFeed:MaxStreams and MaxStreamsPerClient. A slot is held until the request ends.
/// </summary>
public sealed class StreamSlots(IOptions<ArchiveOptions> options)
{
    readonly Lock _gate = new();
    readonly Dictionary<string, int> _perClient = [];
    int _total;

    public int Open
    {
        get { lock (_gate) return _total; }
    }

    /// <summary>A slot for <paramref name="client"/>, or why there is none (the limit that was reached).</summary>
    public (IDisposable? Slot, string? Refusal) TryTake(IPAddress? client)
    {
        var (max, maxPerClient) = (options.Value.ChangeFeed.MaxStreams, options.Value.ChangeFeed.MaxStreamsPerClient);
        var key = Key(client);
        lock (_gate)
        {
            var mine = _perClient.GetValueOrDefault(key);
            if (_total >= max) return (null, $"This server has {max} change streams open, its limit (Archive:ChangeFeed:MaxStreams).");
            if (mine >= maxPerClient)
                return (null, $"Your address has {mine} change streams open, the limit per client (Archive:ChangeFeed:MaxStreamsPerClient); close one first.");
            (_perClient[key], _total) = (mine + 1, _total + 1);
        }
        return (new Slot(this, key), null);
    }

    void Release(string key)
    {
        lock (_gate)
        {
            _total--;
            if (--_perClient[key] == 0) _perClient.Remove(key);
        }
    }

    static string Key(IPAddress? client) =>
        client is null ? "" : (client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client).ToString();

    sealed class Slot(StreamSlots owner, string key) : IDisposable
    {
        int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) owner.Release(key);
        }
    }
}
