using System.Net;
using System.Net.Http.Json;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Xunit;

namespace ChatWeb.Tests.Integration;

/// <summary>The token endpoints under /api/auth, for scripts, apps and the hub client.</summary>
public sealed class TokenAuthTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_NewEmail_ReturnsOk()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/register", new { email = TestUsers.UniqueEmail(), password = TestUsers.Password }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Register_DuplicateEmail_ReturnsValidationProblem()
    {
        var email = await factory.RegisterUserAsync();
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/register", new { email, password = TestUsers.Password }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("DuplicateUserName", body);
    }

    [Fact]
    public async Task Register_WeakPassword_ReturnsValidationProblem()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/register", new { email = TestUsers.UniqueEmail(), password = "short" }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("PasswordTooShort", body);
    }

    [Fact]
    public async Task Login_RightPassword_ReturnsBearerAndRefreshTokens()
    {
        var email = await factory.RegisterUserAsync();

        var tokens = await factory.LoginWithTokenAsync(email);

        Assert.Equal("Bearer", tokens.TokenType);
        Assert.NotEmpty(tokens.AccessToken);
        Assert.NotEmpty(tokens.RefreshToken);
        Assert.True(tokens.ExpiresIn > 0);
    }

    [Fact]
    public async Task Login_WrongPassword_Returns401()
    {
        var email = await factory.RegisterUserAsync();
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "Wrong-Passw0rd" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ManageInfo_WithBearerToken_ReturnsThePerson()
    {
        var email = await factory.RegisterUserAsync();
        using var client = await factory.CreateBearerClientAsync(email);

        using var response = await client.GetAsync("/api/auth/manage/info", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(email, body);
    }

    [Fact]
    public async Task ManageInfo_WithoutToken_Returns401InsteadOfLoginRedirect()
    {
        using var client = factory.CreateCookieClient();

        using var response = await client.GetAsync("/api/auth/manage/info", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Refresh_ValidRefreshToken_ReturnsWorkingAccessToken()
    {
        var email = await factory.RegisterUserAsync();
        var tokens = await factory.LoginWithTokenAsync(email);
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken }, Ct);
        var refreshed = await response.Content.ReadFromJsonAsync<AccessTokenResponse>(Ct);
        client.DefaultRequestHeaders.Authorization = new("Bearer", refreshed!.AccessToken);
        using var info = await client.GetAsync("/api/auth/manage/info", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(refreshed.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
    }

    [Fact]
    public async Task Refresh_AccessTokenInsteadOfRefreshToken_Returns401()
    {
        var email = await factory.RegisterUserAsync();
        var tokens = await factory.LoginWithTokenAsync(email);
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.AccessToken }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
