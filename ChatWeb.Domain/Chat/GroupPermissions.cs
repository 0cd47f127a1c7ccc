using ChatWeb.Domain.Entities;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// Who may manage a group, in one place: <see cref="GroupService"/> refuses with these rules, and
/// every view of a thread says what its reader may do by the same rules, so a client offers
/// exactly what the server will accept.
/// </summary>
public static class GroupPermissions
{
    /// <summary>Rename the group and add members: its owner and admins.</summary>
    public static bool CanManage(ThreadKind kind, MemberRole role) => ManageRefusal(kind, role) is null;

    /// <summary>
    /// Remove <paramref name="target"/> from the group: whoever may manage it, except themselves
    /// (they leave instead), and only the owner may remove the owner.
    /// </summary>
    public static bool CanRemove(ThreadKind kind, MemberRole actor, MemberRole target, bool isSelf) =>
        RemoveRefusal(kind, actor, target, isSelf) is null;

    internal static ChatException? ManageRefusal(ThreadKind kind, MemberRole role) =>
        kind != ThreadKind.Group ? ChatException.Invalid("This is a direct conversation, not a group.")
        : role == MemberRole.Member ? ChatException.Forbidden("Only the group's owner and admins can do that.")
        : null;

    internal static ChatException? RemoveRefusal(ThreadKind kind, MemberRole actor, MemberRole target, bool isSelf) =>
        ManageRefusal(kind, actor)
        ?? (isSelf ? ChatException.Invalid("To remove yourself, leave the group.")
            : target == MemberRole.Owner && actor != MemberRole.Owner ? ChatException.Forbidden("An admin cannot remove the group's owner.")
            : null);
}
