using System.Net;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

/// <summary>
/// Behind a configured proxy (ForwardedHeaders:KnownProxies), the Origin is compared with the scheme
/// and host the proxy forwards; a proxy that is not configured is not believed.
/// </summary>
public sealed class ProxiedOriginTests(ProxiedOriginTests.BehindProxyFactory factory) : IClassFixture<ProxiedOriginTests.BehindProxyFactory>
{
    /// <summary>Every request arrives from 10.0.0.5, the configured proxy; 10.0.0.0/30 is also a trusted network.</summary>
    public sealed class BehindProxyFactory : ChatWebFactory
    {
        public const string Proxy = "10.0.0.5";

        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy);
            builder.UseSetting("ForwardedHeaders:KnownNetworks", "192.168.7.0/24, 10.0.0.0/30");
            builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, ArriveFromProxy>());
        }

        private sealed class ArriveFromProxy : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, nextMiddleware) =>
                {
                    context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue("X-Test-Peer", out var peer) ? IPAddress.Parse(peer!) : IPAddress.Parse(Proxy);
                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }

    [Theory]
    [InlineData("https://chat.corp.example", HttpStatusCode.OK)]
    [InlineData("http://chat.corp.example", HttpStatusCode.Forbidden)]
    [InlineData("https://chat.corp.example:8443", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost", HttpStatusCode.Forbidden)]
    public async Task Negotiate_ThroughConfiguredProxy_ComparedWithForwardedSchemeAndHost(string origin, HttpStatusCode expected)
    {
        var email = await factory.RegisterUserAsync();
        using var client = await factory.CreateBearerClientAsync(email);

        using var response = await OriginTests.NegotiateAsync(client, origin, forwardedProto: "https", forwardedHost: "chat.corp.example");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Negotiate_FromAnAddressThatIsNoConfiguredProxy_ForwardedHeadersIgnored()
    {
        var email = await factory.RegisterUserAsync();
        using var client = await factory.CreateBearerClientAsync(email);
        client.DefaultRequestHeaders.Add("X-Test-Peer", "10.0.0.9");

        using var response = await OriginTests.NegotiateAsync(client, "https://chat.corp.example", forwardedProto: "https", forwardedHost: "chat.corp.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies", "not-an-ip", "is not an IP address")]
    [InlineData("ForwardedHeaders:KnownNetworks", "10.0.0.0/99", "is not a CIDR range")]
    public void Start_MalformedProxySetting_FailsWithClearMessage(string setting, string value, string expected)
    {
        using var misconfigured = factory.WithWebHostBuilder(b => b.UseSetting(setting, value));

        var error = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        Assert.Contains(expected, error.ToString());
    }
}
