namespace ChatWeb.Domain.Entities;

/// <summary>A stored message (the seed's Message table), sharded by thread.</summary>
public sealed class Message
{
    public const int BodyMaxLength = 4000;
    public const int ClientMessageIdMaxLength = 64;

    /// <summary>Version 7 (time-ordered), given by the writer that stores the message (see MessageIds).</summary>
    public required Guid Id { get; set; }
    public Guid ThreadId { get; set; }

    /// <summary>Per-thread, strictly increasing from 1 with no gaps.</summary>
    public long Seq { get; set; }

    public required string SenderId { get; set; }
    public required string Body { get; set; }

    /// <summary>The sender's idempotency key: a retry with the same key returns the stored message.</summary>
    public required string ClientMessageId { get; set; }

    public DateTime SentAt { get; set; }

    public ChatUser? Sender { get; set; }
}
