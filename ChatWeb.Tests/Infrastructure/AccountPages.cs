namespace ChatWeb.Tests.Infrastructure;

/// <summary>The Identity pages as a person uses them: real forms, real antiforgery tokens, real cookies.</summary>
public static class AccountPages
{
    public static Task<HtmlPage> RegisterAsync(this BrowserSession browser, string displayName, string email,
        string password = TestUsers.Password, string? confirmPassword = null, string? returnUrl = null) =>
        browser.SubmitAsync(WithReturnUrl("/Account/Register", returnUrl), "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = displayName,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirmPassword ?? password,
        });

    public static Task<HtmlPage> LoginAsync(this BrowserSession browser, string email, string password = TestUsers.Password, string? returnUrl = null) =>
        browser.SubmitAsync(WithReturnUrl("/Account/Login", returnUrl), "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Presses the app bar's "Log out" button (a form post with an antiforgery token).</summary>
    public static async Task<HtmlPage> LogoutAsync(this BrowserSession browser)
    {
        var page = await browser.GetAsync("/Account/Manage");
        return await browser.SubmitAsync(page.Form("form.logout-form"), new Dictionary<string, string>());
    }

    private static string WithReturnUrl(string path, string? returnUrl) =>
        returnUrl is null ? path : $"{path}?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
}
