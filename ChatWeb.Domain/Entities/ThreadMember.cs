namespace ChatWeb.Domain.Entities;

/// <summary>
/// A person's own row for a thread (the seed's per-user thread table with private attributes).
/// Keyed by owner first: the shard key for membership is the owner.
/// </summary>
public sealed class ThreadMember
{
    public const int NicknameMaxLength = 100;

    public required string OwnerId { get; set; }
    public Guid ThreadId { get; set; }
    public MemberRole Role { get; set; }
    public string? Nickname { get; set; }
    public bool IsMuted { get; set; }
    public long LastReadSeq { get; set; }
    public DateTime JoinedAt { get; set; }

    /// <summary>The messages that mention this member; those above <see cref="LastReadSeq"/> are unread.</summary>
    public List<Mention> Mentions { get; set; } = [];

    public ChatThread? Thread { get; set; }
    public ChatUser? Owner { get; set; }
}
