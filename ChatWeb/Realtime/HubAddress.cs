using ChatWeb.Hubs;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChatWeb.Realtime;

/// <summary>
/// Where a circuit connects to the hub: this node's own listening address (no round trip through
/// the load balancer, which the server may not even be able to reach), unless Realtime:HubUrl says otherwise.
/// </summary>
internal sealed class HubAddress(IServer server, IConfiguration configuration)
{
    public Uri Resolve(string fallbackBaseUri)
    {
        if (configuration["Realtime:HubUrl"] is { Length: > 0 } configured)
        {
            return new Uri(configured);
        }
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => a.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost"))
            .OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase)) // plain http first: no certificate to trust on loopback
            .FirstOrDefault();
        return new Uri(new Uri(listening ?? fallbackBaseUri), ChatHub.Path);
    }
}
