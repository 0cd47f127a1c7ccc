using ChatWeb.Domain.Chat;

namespace ChatWeb.Components.Conversation;

/// <summary>The group members who have read up to the reader's latest message ("Seen by …"), in member order.</summary>
public sealed record SeenBy(IReadOnlyList<ThreadMemberView> Members)
{
    public bool Equals(SeenBy? other) =>
        other is not null && Members.Select(m => m.UserName).SequenceEqual(other.Members.Select(m => m.UserName));

    public override int GetHashCode() => Members.Count;
}
