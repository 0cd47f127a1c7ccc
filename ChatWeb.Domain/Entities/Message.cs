namespace ChatWeb.Domain.Entities;

/// <summary>
/// A stored message (the seed's Message table), sharded by thread. It is never removed on its own:
/// deleting it erases its body and keeps the row, so its seq stays taken and replies can still say
/// what they answered.
/// </summary>
public sealed class Message
{
    public const int BodyMaxLength = 4000;
    public const int ClientMessageIdMaxLength = 64;

    /// <summary>Version 7 (time-ordered), given by the writer that stores the message (see MessageIds).</summary>
    public required Guid Id { get; set; }
    public Guid ThreadId { get; set; }

    /// <summary>Per-thread, strictly increasing from 1 with no gaps.</summary>
    public long Seq { get; set; }

    /// <summary>
    /// The thread's version of this message's last change: taken when it was sent, and again by each
    /// edit, delete and reaction (a per-thread counter beside <see cref="Seq"/>, see ChatThread.LastVersion).
    /// </summary>
    public long Version { get; set; }

    public required string SenderId { get; set; }

    /// <summary>The text; empty once the message is deleted.</summary>
    public required string Body { get; set; }

    /// <summary>The sender's idempotency key: a retry with the same key returns the stored message.</summary>
    public required string ClientMessageId { get; set; }

    public DateTime SentAt { get; set; }
    public DateTime? EditedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    public string? DeletedById { get; set; }

    /// <summary>The message of the same thread this one answers.</summary>
    public Guid? ReplyToId { get; set; }

    /// <summary>The sender used @here: the members online at that moment are among its mentions.</summary>
    public bool MentionsHere { get; set; }

    public ChatUser? Sender { get; set; }
}
