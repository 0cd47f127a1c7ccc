using ChatWeb.Domain.Entities;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// A member as every member sees them. <see cref="LastReadSeq"/> is how far they have read, or null
/// when it is hidden: when either they or the viewer turned read receipts off.
/// </summary>
public sealed record ThreadMemberView(string UserName, string DisplayName, MemberRole Role, long? LastReadSeq = null);
