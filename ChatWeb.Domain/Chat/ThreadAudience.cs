namespace ChatWeb.Domain.Chat;

/// <summary>Who an ephemeral signal from <see cref="Self"/> in a thread goes to (typing, for one).</summary>
public sealed record ThreadAudience(PersonView Self, IReadOnlyList<string> OtherMemberIds);
