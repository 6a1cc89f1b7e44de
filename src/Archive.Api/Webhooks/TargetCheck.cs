using System.Net;
using System.Net.Sockets;
using Archive.Api.Infrastructure;

namespace Archive.Api.Webhooks;

/// <summary>
/// A webhook target must be an absolute http(s) URL without credentials whose host is on the public
/// internet: the Archive must not be made to call into the network it runs in. The same ranges are
/// refused again at every connection (<see cref="OutboundHttp"/>), on the address actually used.
/// Loopback is allowed only when Archive:Webhooks:AllowLoopback is set.
/// </summary>
public static class TargetCheck
{
    /// <summary>Why this URL cannot be called at all, before any address is looked up; null when it can.</summary>
    public static string? UrlProblem(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return $"'{url}' is not an absolute http(s) URL";
        // Credentials in a URL end up in logs and listings; a receiver that wants a secret checks the signature.
        return uri.UserInfo.Length > 0 ? "the URL carries credentials (user:password@), which the Archive does not keep" : null;
    }

    public static async Task<string?> ProblemAsync(string? url, bool allowLoopback, HostResolver dns, CancellationToken ct)
    {
        if (UrlProblem(url) is { } problem) return problem;
        var host = new Uri(url!).Host;
        IPAddress[] addresses;
        try
        {
            addresses = await dns.ResolveAsync(host, ct);
        }
        catch (SocketException)
        {
            return $"the host '{host}' cannot be resolved";
        }
        foreach (var address in addresses)
            if (Refused(address, allowLoopback) is { } range) return $"'{host}' is {address}, {Article(range)} {range} address";
        return addresses.Length == 0 ? $"the host '{host}' has no address" : null;
    }

    /// <summary>The kind of range the address is in when the Archive refuses to connect to it, else null.</summary>
    public static string? Refused(IPAddress address, bool allowLoopback)
    {
        if (Embedded(address) is { } v4) address = v4;
        if (IPAddress.IsLoopback(address)) return allowLoopback ? null : "loopback";
        return address.AddressFamily == AddressFamily.InterNetwork ? RefusedV4(address.GetAddressBytes()) : RefusedV6(address);
    }

    public static string Article(string range) => range[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a";

    static string? RefusedV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any)) return "unspecified";
        if (address.IsIPv6LinkLocal) return "link-local";
        if (address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal) return "private";
        if (address.IsIPv6Multicast) return "multicast";
        return null;
    }

    static string? RefusedV4(byte[] b) => b[0] switch
    {
        0 => "unspecified",
        10 => "private",
        172 when b[1] is >= 16 and <= 31 => "private",
        192 when b[1] == 168 => "private",
        192 when b[1] == 0 && b[2] == 0 => "reserved",
        169 when b[1] == 254 => "link-local",
        100 when b[1] is >= 64 and <= 127 => "shared (carrier-grade NAT)",
        198 when b[1] is 18 or 19 => "reserved",
        >= 224 and <= 239 => "multicast",
        >= 240 => b.All(x => x == 255) ? "broadcast" : "reserved",
        _ => null,
    };

    /// <summary>The IPv4 address inside an IPv6 one that only carries it (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d, 6to4 2002:aabb:ccdd::).</summary>
    static IPAddress? Embedded(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return null;
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4();
        var b = address.GetAddressBytes();
        if (b[0] == 0x20 && b[1] == 0x02) return new IPAddress(b[2..6]);
        var nat64 = b[..12].SequenceEqual(new byte[] { 0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 });
        var compatible = b[..12].All(x => x == 0) && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] <= 1);
        return nat64 || compatible ? new IPAddress(b[12..]) : null;
    }
}
