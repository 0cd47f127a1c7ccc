using System.Net;
using System.Net.Sockets;

namespace ChatWeb.Bench.Hosting;

internal static class FreePort
{
    /// <summary>A loopback port the OS just handed out; only loopback is ever used by the bench.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
