using System.Net;
using System.Net.Sockets;
using Archive.Api.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Archive.Api.Infrastructure;

/// <param name="AllowLoopback">Loopback addresses may be connected to (Archive:Webhooks:AllowLoopback).</param>
/// <param name="TrustAddressLiterals">A host written as an address is connected to whatever range it is in: the operator
/// configured it, no DNS answer can change it, and the caller only lets configured hosts through (the sync's links).</param>
public sealed record TargetRules(bool AllowLoopback, bool TrustAddressLiterals);

/// <summary>The Archive refused to connect: the target is in a range it does not call. Not worth a retry.</summary>
public sealed class OutboundRefusedException(string message) : HttpRequestException(message);

/// <summary>DNS in one place, so that the address the target check saw is the one connected to.</summary>
public class HostResolver
{
    public virtual async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>
/// The one policy for the requests the Archive makes on others' word (webhook targets, the portal's
/// links): no redirect is followed by the handler, no proxy stands between the check and the
/// connection, and every connection resolves its host once, refuses it when any address is in a
/// range <see cref="TargetCheck"/> refuses, and connects only to the addresses it checked, so that
/// a DNS answer that changes after the check (rebinding) cannot reach the network the Archive runs in.
/// </summary>
public static class OutboundHttp
{
    public static IHttpClientBuilder AddOutboundClient(this IServiceCollection services, string name, Func<ArchiveOptions, TargetRules> rules)
    {
        services.TryAddSingleton<HostResolver>();
        return services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(sp =>
        {
            var (dns, options) = (sp.GetRequiredService<HostResolver>(), sp.GetRequiredService<IOptions<ArchiveOptions>>());
            return Handler(dns, () => rules(options.Value));
        });
    }

    public static SocketsHttpHandler Handler(HostResolver dns, Func<TargetRules> rules) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        // An answer left unread (a page over its limit, a receiver's body) closes its connection rather than being drained:
        // drained through this callback's stream, a 100 MB page was read to its end after the sync had let go of it.
        MaxResponseDrainSize = 0,
        ConnectCallback = async (context, ct) => await ConnectAsync(context.DnsEndPoint, rules(), dns, ct),
    };

    public static async Task<Stream> ConnectAsync(DnsEndPoint endpoint, TargetRules rules, HostResolver dns, CancellationToken ct)
    {
        var addresses = await CheckedAddressesAsync(endpoint.Host, rules, dns, ct);
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }

    /// <summary>Every address of the host, once each is allowed; refused as a whole when any one is not.</summary>
    public static async Task<IPAddress[]> CheckedAddressesAsync(string host, TargetRules rules, HostResolver dns, CancellationToken ct)
    {
        var addresses = await dns.ResolveAsync(host, ct);
        if (addresses.Length == 0) throw new OutboundRefusedException($"the host '{host}' has no address");
        if (rules.TrustAddressLiterals && IPAddress.TryParse(host.Trim('[', ']'), out _)) return addresses;
        foreach (var address in addresses)
            if (TargetCheck.Refused(address, rules.AllowLoopback) is { } range)
                throw new OutboundRefusedException($"'{host}' is {address}, {TargetCheck.Article(range)} {range} address, which the Archive does not connect to");
        return addresses;
    }

    /// <summary>Whether a failed request was refused by this policy (the handler wraps what the connection throws).</summary>
    public static bool IsRefusal(Exception? e) => e is OutboundRefusedException || e?.InnerException is OutboundRefusedException;
}
