using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ChatWeb.Hosting;

/// <summary>
/// Behind a reverse proxy the request's scheme, host and client address are the proxy's unless the
/// proxy's X-Forwarded-* headers are believed. They are believed only from the proxies named in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) or <c>ForwardedHeaders:KnownNetworks</c> (CIDR
/// ranges); with neither set they are ignored, so no client can claim another scheme or host.
/// Whatever reads the request's scheme and host (the hub's Origin check, sign-in redirects) sees the
/// browser's own once this has run.
/// </summary>
internal static class ForwardedHeadersRegistration
{
    public const string KnownProxiesSetting = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksSetting = "ForwardedHeaders:KnownNetworks";

    public static IServiceCollection AddChatForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Entries(configuration, KnownProxiesSetting).Select(ParseProxy).ToList();
        var networks = Entries(configuration, KnownNetworksSetting).Select(ParseNetwork).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The defaults trust loopback; only what the operator names is trusted here.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        return services;
    }

    /// <summary>Applies the forwarded headers of a configured proxy; does nothing when none is configured.</summary>
    public static IApplicationBuilder UseChatForwardedHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (Entries(configuration, KnownProxiesSetting).Any() || Entries(configuration, KnownNetworksSetting).Any())
        {
            app.UseForwardedHeaders();
        }
        return app;
    }

    /// <summary>A list in configuration (<c>ForwardedHeaders__KnownProxies__0</c>, …), or one comma-separated value.</summary>
    private static IEnumerable<string> Entries(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static IPAddress ParseProxy(string value) =>
        IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"{KnownProxiesSetting} holds '{value}', which is not an IP address (e.g. 10.0.0.5).");

    private static System.Net.IPNetwork ParseNetwork(string value) =>
        System.Net.IPNetwork.TryParse(value, out var network)
            ? network
            : throw new InvalidOperationException($"{KnownNetworksSetting} holds '{value}', which is not a CIDR range (e.g. 10.0.0.0/8).");
}
