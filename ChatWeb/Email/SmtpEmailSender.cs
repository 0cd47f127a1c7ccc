using System.Net;
using ChatWeb.Domain.Entities;
using MailKit.Net.Smtp;
using Microsoft.AspNetCore.Identity;
using MimeKit;

namespace ChatWeb.Email;

/// <summary>Identity's mail (confirm your address, reset your password) over SMTP, with MailKit.</summary>
internal sealed class SmtpEmailSender(SmtpSettings settings, ILogger<SmtpEmailSender> logger) : IEmailSender<ChatUser>
{
    // Identity hands the links over HTML-encoded, ready for an href.
    public Task SendConfirmationLinkAsync(ChatUser user, string email, string confirmationLink) =>
        SendAsync(user, email, "Confirm your email for ChatWeb",
            $"<p>Hello {Encode(user.DisplayName)},</p><p>Please confirm your ChatWeb account: <a href=\"{confirmationLink}\">confirm my email</a>.</p>",
            $"Hello {user.DisplayName},\n\nPlease confirm your ChatWeb account by opening this link:\n{WebUtility.HtmlDecode(confirmationLink)}\n");

    public Task SendPasswordResetLinkAsync(ChatUser user, string email, string resetLink) =>
        SendAsync(user, email, "Reset your ChatWeb password",
            $"<p>Hello {Encode(user.DisplayName)},</p><p>Someone asked to reset your ChatWeb password. If it was you, <a href=\"{resetLink}\">choose a new password</a>. The link works once.</p><p>If it was not you, ignore this mail.</p>",
            $"Hello {user.DisplayName},\n\nSomeone asked to reset your ChatWeb password. If it was you, open this link to choose a new one (it works once):\n{WebUtility.HtmlDecode(resetLink)}\n\nIf it was not you, ignore this mail.\n");

    public Task SendPasswordResetCodeAsync(ChatUser user, string email, string resetCode) =>
        SendAsync(user, email, "Your ChatWeb password reset code",
            $"<p>Hello {Encode(user.DisplayName)},</p><p>Your password reset code is <strong>{Encode(resetCode)}</strong>.</p>",
            $"Hello {user.DisplayName},\n\nYour password reset code is {resetCode}\n");

    private async Task SendAsync(ChatUser user, string email, string subject, string html, string text)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From!));
        message.To.Add(new MailboxAddress(user.DisplayName, email));
        message.Subject = subject;
        message.Body = new BodyBuilder { HtmlBody = html, TextBody = text }.ToMessageBody();

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host!, settings.Port, settings.Security);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "");
        }
        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
        logger.LogInformation("Sent \"{Subject}\" to {Email}.", subject, email);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
