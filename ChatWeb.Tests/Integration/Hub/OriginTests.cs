using System.Net;
using ChatWeb.Tests.Infrastructure;

using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

public sealed class OriginTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    [Theory]
    [InlineData(null, HttpStatusCode.OK)]
    [InlineData("http://localhost", HttpStatusCode.OK)]
    [InlineData("https://evil.example", HttpStatusCode.Forbidden)]
    public async Task Negotiate_ByOrigin_ForeignBrowserOriginRefusedOthersAllowed(string? origin, HttpStatusCode expected)
    {
        var email = await factory.RegisterUserAsync();
        using var client = await factory.CreateBearerClientAsync(email);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/chat/negotiate?negotiateVersion=1");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Negotiate_Anonymous_Unauthorized()
    {
        using var client = factory.CreateCookieClient();

        using var response = await client.PostAsync("/hubs/chat/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
