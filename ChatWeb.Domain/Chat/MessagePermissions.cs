using ChatWeb.Domain.Entities;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// Who may change a message, said once: the service enforces it, and a view asks it to decide which
/// actions to offer. Only its sender edits it; its sender, or a group's owner or admin, deletes it;
/// any member reacts; a deleted message takes no further change.
/// </summary>
public static class MessagePermissions
{
    public static bool CanEdit(ChatMessage message, string userName) =>
        message.DeletedAt is null && IsSender(message, userName);

    public static bool CanDelete(ChatMessage message, string userName, ThreadSummary thread) =>
        message.DeletedAt is null && CanDelete(IsSender(message, userName), thread.Kind, thread.Role);

    public static bool CanReact(ChatMessage message) => message.DeletedAt is null;

    internal static bool CanDelete(bool isSender, ThreadKind kind, MemberRole role) =>
        isSender || (kind == ThreadKind.Group && role != MemberRole.Member);

    private static bool IsSender(ChatMessage message, string userName) =>
        string.Equals(message.Sender, userName, StringComparison.OrdinalIgnoreCase);
}
