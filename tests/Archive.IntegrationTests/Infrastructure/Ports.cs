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

    /// <summary>Whether a server (started in another process) accepts connections on this loopback port yet.</summary>
    public static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
