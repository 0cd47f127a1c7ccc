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
    string? LastMessageSenderDisplayName = null,
    long LastVersion = 0)
{
    /// <summary>
    /// Unread messages that mention this person (<see cref="ChatMessage.IsMentioning"/>), counted even
    /// when the thread is muted: what the list's "@" badge shows.
    /// </summary>
    public long UnreadMentions { get; init; }

    /// <summary>Whether this person may mention @here in it (<see cref="MentionRules.CanMentionHere"/>).</summary>
    public bool CanMentionHere => MentionRules.CanMentionHere(Kind, Role, Members.Count);

    /// <summary>What the list shows: the person's nickname when they set one.</summary>
    public string DisplayTitle => string.IsNullOrWhiteSpace(Nickname) ? Title : Nickname;

    /// <summary>The last message was deleted: the list says so instead of a preview.</summary>
    public bool LastMessageDeleted => LastSeq > 0 && LastMessagePreview is null;

    /// <summary>Whether this person may rename the group and add members (<see cref="GroupPermissions.CanManage"/>).</summary>
    public bool CanManage => GroupPermissions.CanManage(Kind, Role);

    /// <summary>
    /// The thread as <paramref name="viewerUserName"/> sees it once <paramref name="message"/> is in
    /// it: what the server's own view would say, so a device can keep its list from the messages it
    /// receives. Order does not matter: an older message only moves read marks. Sending reads the
    /// thread up to there, for the viewer (their own message) and for the sender as others see them
    /// (when that is not hidden).
    /// </summary>
    public ThreadSummary WithMessage(ChatMessage message, string viewerUserName)
    {
        RequireThisThread(message);
        var lastReadSeq = SameUser(message.Sender, viewerUserName) ? Math.Max(LastReadSeq, message.Seq) : LastReadSeq;
        var members = WithReadMark(message.Sender, message.Seq, onlyWhenShown: true);
        var advanced = message.Seq <= LastSeq
            ? this with { LastReadSeq = lastReadSeq, Members = members }
            : this with
            {
                LastSeq = message.Seq,
                LastReadSeq = lastReadSeq,
                Members = members,
                LastMessageAt = message.SentAt,
                LastMessagePreview = ChatInput.Preview(message.Body),
                LastMessageSender = message.Sender,
                LastMessageSenderDisplayName = message.SenderDisplayName,
            };
        return advanced with
        {
            UnreadCount = Unread(advanced.LastSeq, advanced.LastReadSeq),
            LastVersion = Math.Max(LastVersion, message.Version),
            UnreadMentions = UnreadMentionsWith(message, viewerUserName, advanced.LastSeq, lastReadSeq),
        };
    }

    /// <summary>
    /// The thread once <paramref name="changed"/> (edited, deleted or reacted to) is as it says: the
    /// preview follows the last message's text, and goes when it is deleted. What the server's view
    /// says after the change, so a device needs no ThreadUpdated for it.
    /// </summary>
    public ThreadSummary WithChange(ChatMessage changed)
    {
        RequireThisThread(changed);
        var preview = changed.Seq == LastSeq
            ? changed.DeletedAt is null ? ChatInput.Preview(changed.Body) : null
            : LastMessagePreview;
        return this with { LastMessagePreview = preview, LastVersion = Math.Max(LastVersion, changed.Version) };
    }

    /// <summary>The thread once <paramref name="read"/> (a member's rising read watermark) is known.</summary>
    public ThreadSummary WithReadUpTo(ReadUpTo read)
    {
        if (read.ThreadId != Id)
        {
            throw new ArgumentException($"The read mark belongs to thread {read.ThreadId}, not {Id}.", nameof(read));
        }
        return this with { Members = WithReadMark(read.UserName, read.Seq, onlyWhenShown: false) };
    }

    /// <summary>
    /// A new message that mentions the viewer above their read mark adds one; a read mark at the
    /// thread's end leaves none. Anything in between only the server can count (ThreadUpdated says it).
    /// </summary>
    private long UnreadMentionsWith(ChatMessage message, string viewerUserName, long lastSeq, long lastReadSeq) =>
        lastReadSeq >= lastSeq ? 0
        : message.Seq > LastSeq && message.Seq > lastReadSeq && message.IsMentioning(viewerUserName) ? UnreadMentions + 1
        : UnreadMentions;

    /// <summary>The one rule for the unread count: every message after the person's read mark (their own move it).</summary>
    public static long Unread(long lastSeq, long lastReadSeq) => Math.Max(0, lastSeq - lastReadSeq);

    private IReadOnlyList<ThreadMemberView> WithReadMark(string userName, long seq, bool onlyWhenShown)
    {
        var index = Members.ToList().FindIndex(m => SameUser(m.UserName, userName));
        if (index < 0 || (onlyWhenShown && Members[index].LastReadSeq is null) || Members[index].LastReadSeq >= seq)
        {
            return Members;
        }
        var members = Members.ToList();
        members[index] = members[index] with { LastReadSeq = seq };
        return members;
    }

    private void RequireThisThread(ChatMessage message)
    {
        if (message.ThreadId != Id)
        {
            throw new ArgumentException($"Message {message.Id} belongs to thread {message.ThreadId}, not {Id}.", nameof(message));
        }
    }

    private static bool SameUser(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
