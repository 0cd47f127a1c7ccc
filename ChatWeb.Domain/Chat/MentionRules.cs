using ChatWeb.Domain.Entities;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// Who a message may mention, in one place for every way in: members of its thread, by user name,
/// and with <see cref="Here"/> everyone in it who is online, which in a group of more than
/// <see cref="OpenHereMaxMembers"/> people only its owner and admins may call (as Slack limits @here).
/// </summary>
public static class MentionRules
{
    /// <summary>The mention of every member online when the message is sent.</summary>
    public const string Here = "@here";

    /// <summary>Up to this many members, anyone in a group may use @here.</summary>
    public const int OpenHereMaxMembers = 20;

    public static bool CanMentionHere(ThreadKind kind, MemberRole role, int memberCount) => HereRefusal(kind, role, memberCount) is null;

    internal static ChatException? HereRefusal(ThreadKind kind, MemberRole role, int memberCount) =>
        kind == ThreadKind.Group && memberCount > OpenHereMaxMembers && role == MemberRole.Member
            ? ChatException.Forbidden($"In a group of more than {OpenHereMaxMembers} people, only its owner and admins can mention @here.")
            : null;

    /// <summary>
    /// The members <paramref name="request"/> mentions, each once; a name that is no member's (or
    /// no one's: the two are not told apart) refuses the whole message. @here reaches the members in
    /// <paramref name="online"/> other than the sender.
    /// </summary>
    internal static (List<MemberSnapshot> Mentioned, ChatException? Refusal) Resolve(
        ThreadSnapshot thread, MemberSnapshot sender, MentionRequest request, IReadOnlySet<string>? online)
    {
        var mentioned = new List<MemberSnapshot>();
        if (request.IsEmpty)
        {
            return (mentioned, null);
        }
        foreach (var name in request.UserNames)
        {
            var member = thread.Members.Find(m => string.Equals(m.UserName, name, StringComparison.OrdinalIgnoreCase));
            if (member is null)
            {
                return ([], ChatException.Invalid($"'{name}' is not a member of this conversation, so cannot be mentioned in it."));
            }
            mentioned.Add(member);
        }
        if (request.Here)
        {
            if (HereRefusal(thread.Kind, sender.Role, thread.Members.Count) is { } refusal)
            {
                return ([], refusal);
            }
            mentioned.AddRange(thread.Members.Where(m => m.OwnerId != sender.OwnerId && online?.Contains(m.OwnerId) == true && !mentioned.Contains(m)));
        }
        return (mentioned, null);
    }
}
