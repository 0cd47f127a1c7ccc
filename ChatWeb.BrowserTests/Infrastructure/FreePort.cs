using System.Net;
using System.Net.Sockets;

namespace ChatWeb.BrowserTests.Infrastructure;

internal static class FreePort
{
    /// <summary>A loopback port the system just handed out and released: free unless someone races for it.</summary>
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
