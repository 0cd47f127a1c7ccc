namespace ChatWeb.Bench.Baseline;

/// <summary>
/// A message as it travels: the chat hub's Message shape (docs/realtime-api.md), so the relay
/// carries the same bytes per delivery as the chat server does.
/// </summary>
internal sealed record WireMessage(
    Guid Id,
    string ThreadId,
    long Seq,
    string Sender,
    string SenderDisplayName,
    string Body,
    DateTime SentAt,
    string ClientMessageId);
