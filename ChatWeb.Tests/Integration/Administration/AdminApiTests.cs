using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatWeb.Tests.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Integration.Administration;

/// <summary>The admin HTTP API (docs/admin-api.md): administrators only, the same rules as the admin page.</summary>
public sealed class AdminApiTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetPeople_AsAdmin_ReturnsThePersonWithStatusAndRole()
    {
        var admin = await factory.RegisterAdminAsync();
        var ann = await factory.RegisterUserAsync();
        using var client = await factory.CreateBearerClientAsync(admin);

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/admin/people?query={Uri.EscapeDataString(ann)}&page=0", Ct);

        var person = Assert.Single(page.GetProperty("people").EnumerateArray());
        Assert.Equal(ann, person.GetProperty("userName").GetString());
        Assert.Equal(ann, person.GetProperty("email").GetString());
        Assert.Equal("Active", person.GetProperty("status").GetString());
        Assert.False(person.GetProperty("isAdmin").GetBoolean());
        Assert.Equal(1, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(25, page.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task GetPeople_AsNonAdmin_Returns403()
    {
        var ann = await factory.RegisterUserAsync();
        using var client = await factory.CreateBearerClientAsync(ann);

        using var response = await client.GetAsync("/api/admin/people", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GetPeople_Anonymous_Returns401()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/admin/people", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Deactivate_AsNonAdmin_Returns403AndChangesNothing()
    {
        var (ann, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        using var client = await factory.CreateBearerClientAsync(ann);

        using var response = await client.PostAsync($"/api/admin/people/{bob}/deactivate", null, Ct);
        var bobsToken = await factory.GetBearerTokenAsync(bob);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEmpty(bobsToken);
    }

    [Fact]
    public async Task Deactivate_UnknownPerson_Returns404()
    {
        using var client = await factory.CreateBearerClientAsync(await factory.RegisterAdminAsync());

        using var response = await client.PostAsync("/api/admin/people/nobody@corp.example/deactivate", null, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("nobody@corp.example", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Deactivate_Yourself_Returns400()
    {
        var admin = await factory.RegisterAdminAsync();
        using var client = await factory.CreateBearerClientAsync(admin);

        using var response = await client.PostAsync($"/api/admin/people/{admin}/deactivate", null, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Deactivate_Person_TheirTokensAndPasswordStopWorkingAndTheAuditLogSaysSo()
    {
        var admin = await factory.RegisterAdminAsync();
        var ann = await factory.RegisterUserAsync();
        var annsTokens = await factory.LoginWithTokenAsync(ann);
        using var annsClient = factory.CreateClient();
        annsClient.DefaultRequestHeaders.Authorization = new("Bearer", annsTokens.AccessToken);
        using var before = await annsClient.GetAsync("/api/auth/manage/info", Ct);
        using var adminClient = await factory.CreateBearerClientAsync(admin);

        using var response = await adminClient.PostAsync($"/api/admin/people/{ann}/deactivate", null, Ct);
        var person = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var after = await annsClient.GetAsync("/api/auth/manage/info", Ct);
        using var refresh = await factory.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = annsTokens.RefreshToken }, Ct);
        using var login = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = ann, password = TestUsers.Password }, Ct);
        var audit = await adminClient.GetFromJsonAsync<JsonElement>("/api/admin/audit", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Deactivated", person.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        var entry = audit.GetProperty("entries").EnumerateArray().First(e => e.GetProperty("target").GetString() == ann);
        Assert.Equal(admin, entry.GetProperty("actor").GetString());
        Assert.Equal("Deactivated", entry.GetProperty("action").GetString());
    }

    [Fact]
    public async Task Deactivate_Person_TheirCookieIsRefusedOnTheNextPage()
    {
        var admin = await factory.RegisterAdminAsync();
        var ann = await factory.RegisterUserAsync();
        using var browser = factory.CreateBrowser();
        await browser.LoginAsync(ann);
        using var adminClient = await factory.CreateBearerClientAsync(admin);

        using var response = await adminClient.PostAsync($"/api/admin/people/{ann}/deactivate", null, Ct);
        var home = await browser.GetAsync("/");
        var login = await browser.LoginAsync(ann);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/Login", home.RedirectTarget);
        Assert.Contains(login.Alerts, a => a.Contains("deactivated"));
    }

    [Fact]
    public async Task Reactivate_DeactivatedPerson_CanLogInAgain()
    {
        var admin = await factory.RegisterAdminAsync();
        var ann = await factory.RegisterUserAsync();
        using var adminClient = await factory.CreateBearerClientAsync(admin);
        using var deactivated = await adminClient.PostAsync($"/api/admin/people/{ann}/deactivate", null, Ct);

        using var response = await adminClient.PostAsync($"/api/admin/people/{ann}/reactivate", null, Ct);
        var person = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var tokens = await factory.LoginWithTokenAsync(ann);

        Assert.Equal("Active", person.GetProperty("status").GetString());
        Assert.NotEmpty(tokens.AccessToken);
    }

    [Fact]
    public async Task Unlock_LockedOutPerson_CanLogInAtOnce()
    {
        var admin = await factory.RegisterAdminAsync();
        var ann = await factory.RegisterUserAsync();
        using var anonymous = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = ann, password = "Wrong-Passw0rd" }, Ct);
        }
        using var adminClient = await factory.CreateBearerClientAsync(admin);
        var locked = await adminClient.GetFromJsonAsync<JsonElement>($"/api/admin/people?query={Uri.EscapeDataString(ann)}", Ct);

        using var response = await adminClient.PostAsync($"/api/admin/people/{ann}/unlock", null, Ct);
        var person = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var tokens = await factory.LoginWithTokenAsync(ann);

        Assert.Equal("LockedOut", locked.GetProperty("people")[0].GetProperty("status").GetString());
        Assert.Equal("Active", person.GetProperty("status").GetString());
        Assert.NotEmpty(tokens.AccessToken);
    }

    [Fact]
    public async Task GrantAdminThenRevokeAdmin_Person_GainsThenLosesTheAdminApiAndTheAuditLogSaysSo()
    {
        var admin = await factory.RegisterAdminAsync();
        var ann = await factory.RegisterUserAsync();
        using var adminClient = await factory.CreateBearerClientAsync(admin);
        using var annClient = await factory.CreateBearerClientAsync(ann);

        using var granted = await adminClient.PostAsync($"/api/admin/people/{ann}/grant-admin", null, Ct);
        using var annAsAdmin = await annClient.GetAsync("/api/admin/people", Ct);
        using var revoked = await adminClient.PostAsync($"/api/admin/people/{ann}/revoke-admin", null, Ct);
        using var annAfterRevoke = await annClient.GetAsync("/api/admin/people", Ct);
        var audit = await adminClient.GetFromJsonAsync<JsonElement>("/api/admin/audit?page=0", Ct);

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.True((await granted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("isAdmin").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, annAsAdmin.StatusCode);
        Assert.False((await revoked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("isAdmin").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, annAfterRevoke.StatusCode);
        var annsEntries = audit.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("target").GetString() == ann).Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["AdminRevoked", "AdminGranted"], annsEntries);
    }

    [Fact]
    public async Task GrantAdmin_AsNonAdmin_Returns403AndChangesNothing()
    {
        var (ann, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        using var annClient = await factory.CreateBearerClientAsync(ann);
        using var bobClient = await factory.CreateBearerClientAsync(bob);

        using var response = await annClient.PostAsync($"/api/admin/people/{bob}/grant-admin", null, Ct);
        using var bobTries = await bobClient.GetAsync("/api/admin/people", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bobTries.StatusCode);
    }

    [Fact]
    public async Task AdminPage_AsNonAdmin_IsForbidden()
    {
        var ann = await factory.RegisterUserAsync();
        using var browser = factory.CreateBrowser();
        await browser.LoginAsync(ann);

        var page = await browser.GetAsync("/admin/people");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", page.RedirectTarget);
    }

    [Fact]
    public async Task AdminPage_AsAdmin_ShowsThePeopleGridAndTheLinkInTheAppBar()
    {
        var admin = await factory.RegisterAdminAsync();
        using var browser = factory.CreateBrowser();
        await browser.LoginAsync(admin);

        var page = await browser.GetAsync("/admin/people");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(page.Document.QuerySelector(".people-grid"));
        Assert.NotNull(page.Document.QuerySelector(".chat-appbar .admin-link"));
    }
}
