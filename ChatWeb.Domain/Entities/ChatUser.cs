using Microsoft.AspNetCore.Identity;

namespace ChatWeb.Domain.Entities;

/// <summary>A person with an account. The user name is the email they registered with.</summary>
public sealed class ChatUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    [PersonalData]
    public string DisplayName { get; set; } = "";

    public DateTime? LastSeenAt { get; set; }
}
