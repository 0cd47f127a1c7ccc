namespace ChatWeb.Domain.Chat;

/// <summary>A stored message: returned to the sender only after commit, and delivered to every member.</summary>
public sealed record ChatMessage(
    Guid Id,
    Guid ThreadId,
    long Seq,
    string Sender,
    string SenderDisplayName,
    string Body,
    DateTime SentAt,
    string ClientMessageId);
