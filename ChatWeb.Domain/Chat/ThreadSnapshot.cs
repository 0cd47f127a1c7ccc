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
        t.LastMessageAt,
        t.LastMessagePreview,
        t.LastMessageSenderId,
        t.Members.Select(m => new MemberSnapshot(
            m.OwnerId, m.Owner!.UserName!, m.Owner.DisplayName, m.Role, m.Nickname, m.IsMuted, m.LastReadSeq)).ToList());

    public IReadOnlyCollection<string> MemberIds => Members.ConvertAll(m => m.OwnerId);

    public MemberSnapshot? MemberOrNull(string userId) => Members.Find(m => m.OwnerId == userId);

    public ThreadSummary ViewFor(string userId)
    {
        var ordered = Ordered();
        return ViewFor(userId, MemberViews(ordered, MemberOrNull(userId)));
    }

    /// <summary>
    /// Every member's view. Members who may remove no one all see the same member list, built once;
    /// only the group's managers (a few) get lists of their own, saying whom they may remove.
    /// </summary>
    public Dictionary<string, ThreadSummary> ViewsForAll()
    {
        var ordered = Ordered();
        var plain = MemberViews(ordered, viewer: null);
        return Members.ToDictionary(m => m.OwnerId, m => ViewFor(
            m.OwnerId, GroupPermissions.CanManage(Kind, m.Role) ? MemberViews(ordered, m) : plain));
    }

    /// <summary>The thread after messages were added: its new last seq, preview and sender, and the senders' read marks moved up.</summary>
    public ThreadSnapshot Advanced(long lastSeq, DateTime at, string preview, string lastSenderId, IReadOnlyDictionary<string, long> readMarks) =>
        new(Id, Kind, Title, lastSeq, at, preview, lastSenderId, Members.ConvertAll(m =>
            readMarks.TryGetValue(m.OwnerId, out var read) && read > m.LastReadSeq ? m with { LastReadSeq = read } : m));

    private ThreadSummary ViewFor(string userId, IReadOnlyList<ThreadMemberView> members)
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
            LastSeq, me.LastReadSeq, LastMessageAt, LastMessagePreview, me.Role, members,
            lastSender?.UserName, lastSender?.DisplayName);
    }

    private List<MemberSnapshot> Ordered() => Members
        .OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
        .ToList();

    private List<ThreadMemberView> MemberViews(List<MemberSnapshot> ordered, MemberSnapshot? viewer) => ordered.ConvertAll(m =>
        new ThreadMemberView(m.UserName, m.DisplayName, m.Role,
            viewer is not null && GroupPermissions.CanRemove(Kind, viewer.Role, m.Role, isSelf: m.OwnerId == viewer.OwnerId)));
}

internal sealed record MemberSnapshot(
    string OwnerId, string UserName, string DisplayName, MemberRole Role, string? Nickname, bool IsMuted, long LastReadSeq);
