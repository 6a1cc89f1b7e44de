using System.Net;
using System.Net.Sockets;

namespace Archive.IntegrationTests.Infrastructure;

public static class Ports
{
    /// <summary>A port on loopback where nothing listens now: taken from the system, then let go (for a server a test starts, or one that must be absent).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
