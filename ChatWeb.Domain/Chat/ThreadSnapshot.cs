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
    List<MemberSnapshot> Members)
{
    public static readonly Expression<Func<ChatThread, ThreadSnapshot>> Projection = t => new ThreadSnapshot(
        t.Id,
        t.Kind,
        t.Title,
        t.LastSeq,
        t.LastMessageAt,
        t.LastMessagePreview,
        t.Members.Select(m => new MemberSnapshot(
            m.OwnerId, m.Owner!.UserName!, m.Owner.DisplayName, m.Role, m.Nickname, m.IsMuted, m.LastReadSeq)).ToList());

    public IReadOnlyCollection<string> MemberIds => Members.ConvertAll(m => m.OwnerId);

    public ThreadSummary ViewFor(string userId)
    {
        var me = Members.Find(m => m.OwnerId == userId)
            ?? throw new InvalidOperationException("The snapshot was read for a non-member.");
        var title = Kind == ThreadKind.Group
            ? Title ?? ""
            : Members.Find(m => m.OwnerId != userId)?.DisplayName ?? me.DisplayName;
        var members = Members
            .OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(m => new ThreadMemberView(m.UserName, m.DisplayName, m.Role))
            .ToList();
        return new ThreadSummary(
            Id, Kind, title, me.Nickname, me.IsMuted,
            UnreadCount: Math.Max(0, LastSeq - me.LastReadSeq),
            LastSeq, me.LastReadSeq, LastMessageAt, LastMessagePreview, me.Role, members);
    }

    public Dictionary<string, ThreadSummary> ViewsForAll() => Members.ToDictionary(m => m.OwnerId, m => ViewFor(m.OwnerId));
}

internal sealed record MemberSnapshot(
    string OwnerId, string UserName, string DisplayName, MemberRole Role, string? Nickname, bool IsMuted, long LastReadSeq);
