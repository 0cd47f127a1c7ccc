using System.Net;
using System.Text.RegularExpressions;
using ChatWeb.Domain.Administration;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit;

namespace ChatWeb.Tests.Integration.Mail;

/// <summary>Mail that reaches someone: a real SMTP server on loopback receives it, and the test follows its link.</summary>
public sealed class PasswordResetMailTests : IAsyncLifetime
{
    private const string NewPassword = "Brand-New-Passw0rd";
    private const string ResetSubject = "Reset your ChatWeb password";
    private const string ConfirmSubject = "Confirm your email for ChatWeb";

    private readonly SmtpSink smtp = new();
    private MailFactory app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app = new MailFactory(smtp.Port);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task ForgotPassword_WithSmtp_MailsALinkThatSetsANewPassword()
    {
        var email = await app.RegisterUserAsync();
        using var browser = app.CreateBrowser();
        var login = await browser.GetAsync("/Account/Login");

        var asked = await browser.SubmitAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var mail = await smtp.NextMessageToAsync(email, ResetSubject);
        var reset = await SetPasswordThroughAsync(browser, LinkIn(mail), email);
        var tokens = await app.LoginWithTokenAsync(email, NewPassword);

        Assert.NotNull(login.Document.QuerySelector("#forgot-password"));
        Assert.Equal("/Account/ForgotPasswordConfirmation", asked.RedirectTarget);
        Assert.Equal("/Account/ResetPasswordConfirmation", reset.RedirectTarget);
        Assert.NotEmpty(tokens.AccessToken);
    }

    [Fact]
    public async Task ResetLink_UsedTwice_WorksOnlyOnce()
    {
        var email = await app.RegisterUserAsync();
        using var browser = app.CreateBrowser();
        await browser.SubmitAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var link = LinkIn(await smtp.NextMessageToAsync(email, ResetSubject));
        await SetPasswordThroughAsync(browser, link, email);

        var again = await SetPasswordThroughAsync(browser, link, email, "Another-Passw0rd");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(again.Alerts, a => a.Contains("Invalid token"));
    }

    [Fact]
    public async Task AdminReset_WithSmtp_MailsThePersonAndShowsTheAdministratorNoLink()
    {
        var admin = await app.RegisterAdminAsync();
        var email = await app.RegisterUserAsync();
        var adminId = await UserIdAsync(admin);

        var delivery = await app.Services.GetRequiredService<AdministrationService>().ResetPasswordAsync(adminId, email, new Uri("http://localhost/"), Ct);
        var mail = await smtp.NextMessageToAsync(email, ResetSubject);
        using var browser = app.CreateBrowser();
        var reset = await SetPasswordThroughAsync(browser, LinkIn(mail), email);

        Assert.True(delivery.WasMailed);
        Assert.Equal("/Account/ResetPasswordConfirmation", reset.RedirectTarget);
    }

    [Fact]
    public async Task Register_ConfirmationRequired_MailsALinkThatConfirms()
    {
        await using var confirming = new MailFactory(smtp.Port, requireConfirmedAccount: true);
        var email = TestUsers.UniqueEmail();
        using var browser = confirming.CreateBrowser();

        await browser.RegisterAsync("Nia Confirm", email);
        var refused = await browser.LoginAsync(email);
        var mail = await smtp.NextMessageToAsync(email, ConfirmSubject);
        var confirmed = await browser.GetAsync(LinkIn(mail).PathAndQuery);
        var loggedIn = await browser.LoginAsync(email);

        Assert.Contains(refused.Alerts, a => a.Contains("Confirm your email"));
        Assert.Contains("/Account/ConfirmEmail?", mail.TextBody);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
    }

    private static Uri LinkIn(MimeMessage mail) =>
        new(Regex.Match(mail.TextBody ?? "", @"http://localhost/\S+").Value);

    private static async Task<HtmlPage> SetPasswordThroughAsync(BrowserSession browser, Uri link, string email, string password = NewPassword)
    {
        var page = await browser.GetAsync(link.PathAndQuery);
        return await browser.SubmitAsync(page.FormNamed("reset-password"), new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ChatWeb.Domain.Entities.ChatUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await smtp.DisposeAsync();
    }

    private sealed class MailFactory(int smtpPort, bool requireConfirmedAccount = false) : ChatWebFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Email:Smtp:Port", smtpPort.ToString());
            builder.UseSetting("Email:Smtp:From", "ChatWeb <chat@corp.example>");
            builder.UseSetting("Identity:RequireConfirmedAccount", requireConfirmedAccount ? "true" : "false");
        }
    }
}
