using System.Linq.Expressions;
using ChatWeb.Domain.Entities;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// A thread with every member's private row, read in one query; each member's own view is cut
/// from it in memory, so announcing a change to N members costs one query, not N.
/// </summary>
internal sealed record ThreadSnapshot(
    Guid Id,
    ThreadKind Kind,
    string? Title,
    long LastSeq,
    long LastVersion,
    DateTime LastMessageAt,
    string? LastMessagePreview,
    string? LastMessageSenderId,
    List<MemberSnapshot> Members)
{
    public static readonly Expression<Func<ChatThread, ThreadSnapshot>> Projection = t => new ThreadSnapshot(
        t.Id,
        t.Kind,
        t.Title,
        t.LastSeq,
        t.LastVersion,
        t.LastMessageAt,
        t.LastMessagePreview,
        t.LastMessageSenderId,
        t.Members.Select(m => new MemberSnapshot(
            m.OwnerId, m.Owner!.UserName!, m.Owner.DisplayName, m.Role, m.Nickname, m.IsMuted, m.LastReadSeq, m.Owner.ShareReadReceipts,
            m.Mentions.Count(x => x.Seq > m.LastReadSeq))).ToList());

    public IReadOnlyCollection<string> MemberIds => Members.ConvertAll(m => m.OwnerId);

    public MemberSnapshot? MemberOrNull(string userId) => Members.Find(m => m.OwnerId == userId);

    public ThreadSummary ViewFor(string userId) => ViewFor(userId, new MemberLists(this));

    /// <summary>
    /// Every member's view. The member lists they show are built once per kind of viewer, not once
    /// per member: only the group's managers (a few) get lists of their own, saying whom they may remove.
    /// </summary>
    public Dictionary<string, ThreadSummary> ViewsForAll()
    {
        var members = new MemberLists(this);
        return Members.ToDictionary(m => m.OwnerId, m => ViewFor(m.OwnerId, members));
    }

    /// <summary>
    /// Who may hear that <paramref name="userId"/> read further: the other members, when both they and
    /// the reader share read receipts (WhatsApp's rule: neither send nor see). Empty when the reader does not.
    /// </summary>
    public IReadOnlyCollection<string> ReadReceiptAudience(string userId) =>
        MemberOrNull(userId) is { ShareReadReceipts: true }
            ? Members.Where(m => m.OwnerId != userId && m.ShareReadReceipts).Select(m => m.OwnerId).ToList()
            : [];

    /// <summary>
    /// The thread after messages were added: its new last seq, version, preview and sender, the
    /// senders' read marks moved up, and each member's unread mentions with the new ones
    /// (<paramref name="mentions"/>: whom each new message mentions, at its seq) above their read mark.
    /// A sender's mark moves past every earlier message, so only the batch's later mentions of them count.
    /// </summary>
    public ThreadSnapshot Advanced(
        long lastSeq, long lastVersion, DateTime at, string preview, string lastSenderId, IReadOnlyDictionary<string, long> readMarks,
        IReadOnlyList<(string UserId, long Seq)>? mentions = null) =>
        new(Id, Kind, Title, lastSeq, lastVersion, at, preview, lastSenderId, Members.ConvertAll(m =>
        {
            var moved = readMarks.TryGetValue(m.OwnerId, out var read) && read > m.LastReadSeq;
            var mark = moved ? read : m.LastReadSeq;
            var added = mentions?.Count(x => x.UserId == m.OwnerId && x.Seq > mark) ?? 0;
            return moved || added > 0 ? m with { LastReadSeq = mark, UnreadMentions = (moved ? 0 : m.UnreadMentions) + added } : m;
        }));

    private ThreadSummary ViewFor(string userId, MemberLists members)
    {
        var me = MemberOrNull(userId)
            ?? throw new InvalidOperationException("The snapshot was read for a non-member.");
        var title = Kind == ThreadKind.Group
            ? Title ?? ""
            : Members.Find(m => m.OwnerId != userId)?.DisplayName ?? me.DisplayName;
        var lastSender = LastMessageSenderId is null ? null : MemberOrNull(LastMessageSenderId);
        return new ThreadSummary(
            Id, Kind, title, me.Nickname, me.IsMuted,
            UnreadCount: ThreadSummary.Unread(LastSeq, me.LastReadSeq),
            LastSeq, me.LastReadSeq, LastMessageAt, LastMessagePreview, me.Role,
            members.For(me),
            lastSender?.UserName, lastSender?.DisplayName, LastVersion)
        {
            UnreadMentions = me.UnreadMentions,
        };
    }

    /// <summary>
    /// The member list as a viewer gets it: with each sharing member's read mark when the viewer
    /// shares theirs, none otherwise; and, for a group's managers, whom they may remove. The two
    /// lists of viewers who manage nothing are shared by all of them.
    /// </summary>
    private sealed class MemberLists(ThreadSnapshot thread)
    {
        private readonly List<MemberSnapshot> ordered = thread.Members
            .OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();

        private List<ThreadMemberView> WithReceipts => field ??= Build(receipts: true, viewer: null);

        private List<ThreadMemberView> WithoutReceipts => field ??= Build(receipts: false, viewer: null);

        public List<ThreadMemberView> For(MemberSnapshot viewer) =>
            GroupPermissions.CanManage(thread.Kind, viewer.Role) ? Build(viewer.ShareReadReceipts, viewer)
            : viewer.ShareReadReceipts ? WithReceipts
            : WithoutReceipts;

        private List<ThreadMemberView> Build(bool receipts, MemberSnapshot? viewer) => ordered.ConvertAll(m =>
            new ThreadMemberView(m.UserName, m.DisplayName, m.Role,
                receipts && m.ShareReadReceipts ? m.LastReadSeq : null,
                viewer is not null && GroupPermissions.CanRemove(thread.Kind, viewer.Role, m.Role, isSelf: m.OwnerId == viewer.OwnerId)));
    }
}

internal sealed record MemberSnapshot(
    string OwnerId, string UserName, string DisplayName, MemberRole Role, string? Nickname, bool IsMuted, long LastReadSeq, bool ShareReadReceipts,
    long UnreadMentions = 0);
