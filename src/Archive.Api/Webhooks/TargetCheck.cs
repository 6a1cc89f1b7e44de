using System.Net;
using System.Net.Sockets;

namespace Archive.Api.Webhooks;

/// <summary>
/// A webhook target must be an absolute http(s) URL whose host is on the public internet: private,
/// loopback and link-local addresses are refused (the Archive must not be made to call into the
/// network it runs in), except loopback when Archive:Webhooks:AllowLoopback is set.
/// </summary>
public static class TargetCheck
{
    public static async Task<string?> ProblemAsync(string? url, bool allowLoopback, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return $"'{url}' is not an absolute http(s) URL";
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.Host, ct);
        }
        catch (SocketException)
        {
            return $"the host '{uri.Host}' cannot be resolved";
        }
        foreach (var address in addresses)
            if (Refused(address, allowLoopback) is { } range) return $"'{uri.Host}' is {address}, a {range} address";
        return addresses.Length == 0 ? $"the host '{uri.Host}' has no address" : null;
    }

    static string? Refused(IPAddress address, bool allowLoopback)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return allowLoopback ? null : "loopback";
        if (address.IsIPv6LinkLocal) return "link-local";
        if (address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal) return "private";
        if (address.AddressFamily != AddressFamily.InterNetwork) return null;
        var b = address.GetAddressBytes();
        return b[0] switch
        {
            10 => "private",
            172 when b[1] is >= 16 and <= 31 => "private",
            192 when b[1] == 168 => "private",
            169 when b[1] == 254 => "link-local",
            100 when b[1] is >= 64 and <= 127 => "shared (carrier-grade NAT)",
            0 => "unspecified",
            _ => null,
        };
    }
}
