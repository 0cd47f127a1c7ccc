using ChatWeb.Domain.Entities;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// A member as the reader of the thread sees them. <see cref="LastReadSeq"/> is how far they have
/// read, or null when it is hidden: when either they or the reader turned read receipts off.
/// <paramref name="CanRemove"/>: whether the reader may remove this member
/// (<see cref="GroupPermissions.CanRemove"/>), so a client offers no button the server would refuse.
/// </summary>
public sealed record ThreadMemberView(string UserName, string DisplayName, MemberRole Role, long? LastReadSeq = null, bool CanRemove = false);
