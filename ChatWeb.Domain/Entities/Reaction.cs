namespace ChatWeb.Domain.Entities;

/// <summary>
/// One person's emoji on one message. Keyed by thread first, like messages (the shard key), so a
/// message's reactions are a prefix of the key: read for a page in the page's own query, erased with
/// the message.
/// </summary>
public sealed class Reaction
{
    /// <summary>One emoji grapheme is a few code points (a ZWJ family, a flag, a skin tone); this is ample.</summary>
    public const int EmojiMaxLength = 32;

    /// <summary>Different emoji one message can carry.</summary>
    public const int MaxDistinctPerMessage = 50;

    public Guid ThreadId { get; set; }
    public Guid MessageId { get; set; }
    public required string Emoji { get; set; }
    public required string UserId { get; set; }
    public DateTime ReactedAt { get; set; }

    public ChatUser? User { get; set; }
}
