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

    /// <summary>Whether this person may rename the group and add members (<see cref="GroupPermissions.CanManage"/>).</summary>
    public bool CanManage => GroupPermissions.CanManage(Kind, Role);

    /// <summary>
    /// The thread as <paramref name="viewerUserName"/> sees it once <paramref name="message"/> is in
    /// it: what the server's own view would say, so a device can keep its list from the messages it
    /// receives. Order does not matter: an older message only moves the viewer's read mark, when it
    /// is their own (sending reads the thread up to there).
    /// </summary>
    public ThreadSummary WithMessage(ChatMessage message, string viewerUserName)
    {
        if (message.ThreadId != Id)
        {
            throw new ArgumentException($"Message {message.Id} belongs to thread {message.ThreadId}, not {Id}.", nameof(message));
        }
        var lastReadSeq = string.Equals(message.Sender, viewerUserName, StringComparison.OrdinalIgnoreCase)
            ? Math.Max(LastReadSeq, message.Seq)
            : LastReadSeq;
        var advanced = message.Seq <= LastSeq
            ? this with { LastReadSeq = lastReadSeq }
            : this with
            {
                LastSeq = message.Seq,
                LastReadSeq = lastReadSeq,
                LastMessageAt = message.SentAt,
                LastMessagePreview = ChatInput.Preview(message.Body),
                LastMessageSender = message.Sender,
                LastMessageSenderDisplayName = message.SenderDisplayName,
            };
        return advanced with { UnreadCount = Unread(advanced.LastSeq, advanced.LastReadSeq) };
    }

    /// <summary>The one rule for the unread count: every message after the person's read mark (their own move it).</summary>
    public static long Unread(long lastSeq, long lastReadSeq) => Math.Max(0, lastSeq - lastReadSeq);
}
