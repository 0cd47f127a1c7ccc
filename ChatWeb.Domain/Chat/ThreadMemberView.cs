using ChatWeb.Domain.Entities;

namespace ChatWeb.Domain.Chat;

public sealed record ThreadMemberView(string UserName, string DisplayName, MemberRole Role);
