using ChatWeb.Domain.Administration;

namespace ChatWeb.Tests.Domain.Infrastructure;

/// <summary>Hands out a recognisable link for each reset (Identity's real tokens are tested in Integration).</summary>
public sealed class RecordingPasswordResetLinks(TimeProvider clock, bool canSendMail = false) : IPasswordResetLinks
{
    public bool CanSendMail { get; } = canSendMail;

    public List<string> IssuedFor { get; } = [];

    public Task<PasswordResetDelivery> IssueAsync(string userId, Uri siteBase, CancellationToken ct = default)
    {
        IssuedFor.Add(userId);
        var expires = clock.GetUtcNow().UtcDateTime.AddHours(24);
        return Task.FromResult(new PasswordResetDelivery(CanSendMail ? null : new Uri(siteBase, $"Account/ResetPassword?code=for-{userId}").AbsoluteUri, expires));
    }
}
