using System.Text;
using ChatWeb.Domain.Administration;
using ChatWeb.Domain.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ChatWeb.Email;

/// <summary>
/// Identity's password-reset token as a link to the reset page. The token carries the account's
/// security stamp, so it works once (setting the password changes the stamp), and it expires with
/// Identity's token lifespan.
/// </summary>
internal sealed class PasswordResetLinks(
    IServiceScopeFactory scopes,
    IOptions<DataProtectionTokenProviderOptions> tokenOptions,
    SmtpSettings smtp,
    TimeProvider clock) : IPasswordResetLinks
{
    public bool CanSendMail => smtp.IsConfigured;

    public async Task<PasswordResetDelivery> IssueAsync(string userId, Uri siteBase, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChatUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"No user {userId}.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = new Uri(siteBase, $"Account/ResetPassword?code={Uri.EscapeDataString(code)}").AbsoluteUri;
        var expiresAt = clock.GetUtcNow().UtcDateTime + tokenOptions.Value.TokenLifespan;
        if (!CanSendMail)
        {
            return new PasswordResetDelivery(link, expiresAt);
        }
        var sender = scope.ServiceProvider.GetRequiredService<IEmailSender<ChatUser>>();
        await sender.SendPasswordResetLinkAsync(user, user.Email!, System.Net.WebUtility.HtmlEncode(link));
        return new PasswordResetDelivery(null, expiresAt);
    }
}
