using Microsoft.AspNetCore.Identity;

namespace ChatWeb.Domain.Entities;

/// <summary>A person with an account. The user name is the email they registered with.</summary>
public sealed class ChatUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>Upper-cased display name, kept by the context on save, for index-backed directory search.</summary>
    public string NormalizedDisplayName { get; set; } = "";

    public DateTime? LastSeenAt { get; set; }

    /// <summary>
    /// Whether others see how far this person has read (read receipts). Off, they see no one's
    /// either, as in WhatsApp. On unless turned off.
    /// </summary>
    public bool ShareReadReceipts { get; set; } = true;

    /// <summary>Desktop notifications in the browser (each browser still asks the person's permission once).</summary>
    public bool DesktopNotifications { get; set; } = true;

    /// <summary>A short sound with each notification.</summary>
    public bool NotificationSound { get; set; } = true;

    /// <summary>Whether a notification shows the start of the message, or only who wrote where.</summary>
    public bool NotificationPreview { get; set; } = true;

    /// <summary>When an administrator deactivated the account; null while it is active. A deactivated person cannot sign in.</summary>
    public DateTime? DeactivatedAt { get; set; }
}
