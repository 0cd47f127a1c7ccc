namespace ChatWeb.Domain.Chat;

/// <summary>
/// What a batch's transaction read before anything was decided: the threads it sends to, with
/// their members, locked until commit; and the messages already stored under its client message ids.
/// </summary>
internal sealed record BatchRead(
    IReadOnlyDictionary<Guid, ThreadSnapshot> Threads,
    IReadOnlyDictionary<(string SenderId, string ClientMessageId), ChatMessage> Earlier);
