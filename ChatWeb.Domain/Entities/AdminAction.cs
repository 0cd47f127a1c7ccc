namespace ChatWeb.Domain.Entities;

/// <summary>What an administrator did; stored by name.</summary>
public enum AdminAction
{
    Deactivated,
    Reactivated,
    Unlocked,
    AdminGranted,
    AdminRevoked,
    PasswordResetLinkCreated,
    PasswordResetEmailSent,
}
