using ChatWeb.Domain.Entities;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// A thread as one person sees it: their nickname, mute and unread count, and for a direct
/// thread the other person's name as its title. The last message's sender (user name and display
/// name) is there while they are a member, so a list can say who wrote the preview.
/// </summary>
public sealed record ThreadSummary(
    Guid Id,
    ThreadKind Kind,
    string Title,
    string? Nickname,
    bool IsMuted,
    long UnreadCount,
    long LastSeq,
    long LastReadSeq,
    DateTime LastMessageAt,
    string? LastMessagePreview,
    MemberRole Role,
    IReadOnlyList<ThreadMemberView> Members,
    string? LastMessageSender = null,
    string? LastMessageSenderDisplayName = null)
{
    /// <summary>What the list shows: the person's nickname when they set one.</summary>
    public string DisplayTitle => string.IsNullOrWhiteSpace(Nickname) ? Title : Nickname;
}
