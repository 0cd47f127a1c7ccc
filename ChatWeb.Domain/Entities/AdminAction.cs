using System.Text.Json.Serialization;

namespace ChatWeb.Domain.Entities;

/// <summary>What an administrator did; stored by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AdminAction>))]
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
