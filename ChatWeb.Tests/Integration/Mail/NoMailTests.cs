using System.Net;
using ChatWeb.Domain.Administration;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Integration.Mail;

/// <summary>Without SMTP nobody is offered a reset that cannot reach them; an administrator's link does instead.</summary>
public sealed class NoMailTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoginPage_WithoutSmtp_SaysToAskAnAdministrator()
    {
        using var browser = factory.CreateBrowser();

        var page = await browser.GetAsync("/Account/Login");

        Assert.Null(page.Document.QuerySelector("#forgot-password"));
        Assert.Contains("Ask an administrator", page.Text("#ask-an-administrator"));
    }

    [Fact]
    public async Task AdminResetLink_WithoutSmtp_SetsANewPasswordOnceAndIsAudited()
    {
        var admin = await factory.RegisterAdminAsync();
        var email = await factory.RegisterUserAsync();
        string adminId;
        using (var scope = factory.Services.CreateScope())
        {
            adminId = (await scope.ServiceProvider.GetRequiredService<UserManager<ChatWeb.Domain.Entities.ChatUser>>().FindByEmailAsync(admin))!.Id;
        }

        var delivery = await factory.Services.GetRequiredService<AdministrationService>().ResetPasswordAsync(adminId, email, new Uri("http://localhost/"), Ct);
        using var browser = factory.CreateBrowser();
        var form = await browser.GetAsync(new Uri(delivery.Link!).PathAndQuery);
        var reset = await browser.SubmitAsync(form.FormNamed("reset-password"), new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "Handed-Over-Passw0rd",
            ["Input.ConfirmPassword"] = "Handed-Over-Passw0rd",
        });
        var tokens = await factory.LoginWithTokenAsync(email, "Handed-Over-Passw0rd");
        var audit = await factory.Services.GetRequiredService<AdminDirectory>().AuditAsync(adminId, 0, Ct);

        Assert.False(delivery.WasMailed);
        Assert.True(delivery.ExpiresAt > DateTime.UtcNow.AddHours(23));
        Assert.Equal("/Account/ResetPasswordConfirmation", reset.RedirectTarget);
        Assert.NotEmpty(tokens.AccessToken);
        Assert.Contains(audit.Entries, e => e.Target == email && e.Action == ChatWeb.Domain.Entities.AdminAction.PasswordResetLinkCreated);
    }
}
