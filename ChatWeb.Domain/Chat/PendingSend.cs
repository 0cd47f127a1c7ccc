namespace ChatWeb.Domain.Chat;

/// <summary>
/// What the send path stored: the message, and whether this call wrote it (false for a retry).
/// A new message also names who receives it, and carries its thread as committed when this send
/// is the one to announce the thread (one per thread per batch).
/// </summary>
internal readonly record struct StoredMessage(
    ChatMessage Message, bool IsNew, IReadOnlyCollection<string>? RecipientIds = null, ThreadSnapshot? ThreadToAnnounce = null);

/// <summary>A validated send waiting for its batch to commit; its caller awaits <see cref="Result"/>.</summary>
internal sealed class PendingSend(string userId, Guid threadId, string clientMessageId, string body, Guid? replyToId = null)
{
    // Continuations run off the writer loop, so a caller's notification work never delays the next commit.
    private readonly TaskCompletionSource<StoredMessage> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string UserId { get; } = userId;
    public Guid ThreadId { get; } = threadId;
    public string ClientMessageId { get; } = clientMessageId;
    public string Body { get; } = body;

    /// <summary>The message this one answers; the protocol checks it is in the same thread.</summary>
    public Guid? ReplyToId { get; } = replyToId;

    /// <summary>Whom the draft mentions; the protocol checks they are members.</summary>
    public MentionRequest Mentions { get; init; } = MentionRequest.None;

    /// <summary>With @here: who was online when it was sent (the protocol keeps the members among them).</summary>
    public IReadOnlySet<string>? OnlineIds { get; init; }

    public (string UserId, string ClientMessageId) IdempotencyKey => (UserId, ClientMessageId);

    public Task<StoredMessage> Result => completion.Task;

    public void Complete(StoredMessage stored) => completion.TrySetResult(stored);

    public void Fail(Exception error) => completion.TrySetException(error);
}

/// <summary>How one send of a batch ended: stored (new or a retry), or refused with the caller's error.</summary>
internal readonly record struct SendOutcome(StoredMessage Stored, Exception? Error)
{
    public static implicit operator SendOutcome(StoredMessage stored) => new(stored, null);

    public static implicit operator SendOutcome(Exception error) => new(default, error);
}
