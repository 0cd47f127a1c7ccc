using System.Net;
using ChatWeb.Tests.Infrastructure;

using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

/// <summary>The hub accepts a browser's Origin only when it is the app's own scheme, host and port (http://localhost here).</summary>
public sealed class OriginTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    [Theory]
    [InlineData(null, HttpStatusCode.OK)]
    [InlineData("http://localhost", HttpStatusCode.OK)]
    [InlineData("HTTP://LOCALHOST", HttpStatusCode.OK)]
    [InlineData("http://localhost:80", HttpStatusCode.OK)]
    [InlineData("https://localhost", HttpStatusCode.Forbidden)]
    [InlineData("https://localhost:80", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost:8080", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost.evil.example", HttpStatusCode.Forbidden)]
    [InlineData("http://evil-localhost", HttpStatusCode.Forbidden)]
    [InlineData("http://lоcalhost", HttpStatusCode.Forbidden)]
    [InlineData("null", HttpStatusCode.Forbidden)]
    [InlineData("https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("localhost", HttpStatusCode.Forbidden)]
    public async Task Negotiate_ByOrigin_OnlyTheAppsOwnOriginOrNoneAllowed(string? origin, HttpStatusCode expected)
    {
        var email = await factory.RegisterUserAsync();
        using var client = await factory.CreateBearerClientAsync(email);

        using var response = await NegotiateAsync(client, origin);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Negotiate_ForwardedHeadersWithoutConfiguredProxy_Ignored()
    {
        var email = await factory.RegisterUserAsync();
        using var client = await factory.CreateBearerClientAsync(email);

        using var response = await NegotiateAsync(client, "https://chat.corp.example", forwardedProto: "https", forwardedHost: "chat.corp.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Negotiate_Anonymous_Unauthorized()
    {
        using var client = factory.CreateCookieClient();

        using var response = await client.PostAsync("/hubs/chat/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>A SignalR negotiate request as a browser on <paramref name="origin"/> would send it, through a proxy when forwarded values are given.</summary>
    internal static Task<HttpResponseMessage> NegotiateAsync(HttpClient client, string? origin, string? forwardedProto = null, string? forwardedHost = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/chat/negotiate?negotiateVersion=1");
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        }
        if (forwardedHost is not null)
        {
            request.Headers.Add("X-Forwarded-Host", forwardedHost);
        }
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
