namespace ChatWeb.Domain.Administration;

/// <summary>Makes a one-time password-reset link for a person and mails it when the host can send mail.</summary>
public interface IPasswordResetLinks
{
    /// <summary>True when mail is configured: the link goes to the person, not to the administrator.</summary>
    bool CanSendMail { get; }

    /// <param name="siteBase">The site's address as the person reaches it, e.g. https://chat.corp.example/.</param>
    Task<PasswordResetDelivery> IssueAsync(string userId, Uri siteBase, CancellationToken ct = default);
}
