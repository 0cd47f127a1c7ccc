using System.Net;
using ChatWeb.Tests.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Integration;

/// <summary>Register, log in and log out through the real Identity pages, antiforgery and cookies included.</summary>
public sealed class AccountPagesTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    [Fact]
    public async Task GetHome_Anonymous_RedirectsToLoginWithReturnUrl()
    {
        using var browser = factory.CreateBrowser();

        var page = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/Login?ReturnUrl=%2F", page.RedirectTarget);
    }

    [Fact]
    public async Task Register_NewPerson_SignsInAndShowsNameInAppBar()
    {
        using var browser = factory.CreateBrowser();
        var email = TestUsers.UniqueEmail();

        var registered = await browser.RegisterAsync("Ann Lee", email, returnUrl: "/");
        var home = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/", registered.RedirectTarget);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("Ann Lee", home.Text(".signed-in-user"));
    }

    [Fact]
    public async Task Register_DuplicateEmail_ShowsAlreadyTakenError()
    {
        var email = await factory.RegisterUserAsync();
        using var browser = factory.CreateBrowser();

        var page = await browser.RegisterAsync("Second Ann", email);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(page.Alerts, alert => alert.Contains($"Email '{email}' is already taken."));
    }

    [Fact]
    public async Task Register_PasswordWithoutDigitOrSymbol_ShowsPasswordRules()
    {
        using var browser = factory.CreateBrowser();

        var page = await browser.RegisterAsync("Weak Password", TestUsers.UniqueEmail(), password: "password");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(page.Alerts, alert => alert.Contains("Passwords must have at least one digit"));
        Assert.Contains(page.Alerts, alert => alert.Contains("Passwords must have at least one non alphanumeric character"));
    }

    [Fact]
    public async Task Register_ShortPassword_ShowsLengthError()
    {
        using var browser = factory.CreateBrowser();

        var page = await browser.RegisterAsync("Short Password", TestUsers.UniqueEmail(), password: "Ab1!");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(page.Alerts, alert => alert.Contains("The Password must be at least 8"));
    }

    [Fact]
    public async Task Register_MismatchedConfirmation_ShowsMismatchError()
    {
        using var browser = factory.CreateBrowser();

        var page = await browser.RegisterAsync("Typo", TestUsers.UniqueEmail(), confirmPassword: TestUsers.Password + "x");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(page.Alerts, alert => alert.Contains("do not match"));
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsErrorAndStaysAnonymous()
    {
        var email = await factory.RegisterUserAsync();
        using var browser = factory.CreateBrowser();

        var page = await browser.LoginAsync(email, "Wrong-Passw0rd");
        var home = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Error: Wrong email or password.", page.Alerts);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Login_UnknownEmail_ShowsSameErrorAsWrongPassword()
    {
        using var browser = factory.CreateBrowser();

        var page = await browser.LoginAsync(TestUsers.UniqueEmail("nobody"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Error: Wrong email or password.", page.Alerts);
    }

    [Fact]
    public async Task Login_AfterRedirectFromProtectedPage_ReturnsToThatPage()
    {
        var email = await factory.RegisterUserAsync();
        using var browser = factory.CreateBrowser();
        var challenge = await browser.GetAsync("/Account/Manage");
        var loginPage = await browser.GetAsync(challenge.RedirectTarget!);

        var loggedIn = await browser.SubmitAsync(loginPage.FormNamed("login"), new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestUsers.Password,
        });
        var manage = await browser.GetAsync(loggedIn.RedirectTarget!);

        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
        Assert.Equal("/Account/Manage", loggedIn.RedirectTarget);
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
    }

    [Fact]
    public async Task Logout_SignedIn_EndsTheSession()
    {
        var email = await factory.RegisterUserAsync();
        using var browser = factory.CreateBrowser();
        await browser.LoginAsync(email);

        var loggedOut = await browser.LogoutAsync();
        var home = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/Login", home.RedirectTarget);
    }

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_IsRefused()
    {
        var email = await factory.RegisterUserAsync();
        using var browser = factory.CreateBrowser();
        await browser.LoginAsync(email);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["ReturnUrl"] = "" });

        using var response = await browser.Client.PostAsync("/Account/Logout", content, TestContext.Current.CancellationToken);
        var home = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}
