using System.Net;
using System.Net.WebSockets;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Integration;

/// <summary>
/// The browser's connection to its circuit, on real Kestrel: uncompressed (a compressor per open
/// page is native memory held for the page's life), and the pages still refuse other sites' frames.
/// </summary>
public sealed class CircuitConnectionTests
{
    [Fact]
    public async Task CircuitWebSocket_BrowserOffersCompression_AcceptedWithoutIt()
    {
        await using var factory = new ChatWebFactory();
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var socket = new ClientWebSocket();
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        socket.Options.CollectHttpResponseDetails = true;

        await socket.ConnectAsync(new Uri($"ws://{address.Authority}/_blazor"), TestContext.Current.CancellationToken);

        Assert.Equal(WebSocketState.Open, socket.State);
        Assert.False(socket.HttpResponseHeaders?.ContainsKey("Sec-WebSocket-Extensions") ?? false);
    }

    [Fact]
    public async Task Page_Served_ForbidsFramingByOtherSites()
    {
        await using var factory = new ChatWebFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken);

        Assert.Contains("frame-ancestors 'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }
}
