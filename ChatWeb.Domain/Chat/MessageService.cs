namespace ChatWeb.Domain.Chat;

/// <summary>Posting by the consistency protocol, and reading history by seq and by version.</summary>
public sealed class MessageService
{
    private readonly IMessageStore store;
    private readonly IChatNotifier notifier;
    private readonly SendQuota quota;
    private readonly OnlineMembers? online;

    // The process's group-commit writer: a hosted service, started and stopped by the host.
    private readonly GroupCommitWriter writes;

    internal MessageService(IMessageStore store, GroupCommitWriter writes, IChatNotifier notifier, SendQuota quota, OnlineMembers? online = null)
    {
        this.online = online;
        this.store = store;
        this.writes = writes;
        this.notifier = notifier;
        this.quota = quota;
    }

    /// <summary>A message with a body only: <see cref="PostAsync"/> with nothing else in the draft.</summary>
    public Task<ChatMessage> SendAsync(string userId, Guid threadId, string? clientMessageId, string? body, CancellationToken ct = default) =>
        PostAsync(userId, threadId, new MessageDraft { ClientMessageId = clientMessageId, Body = body }, ct);

    /// <summary>
    /// Stores the message and returns it only after commit; then announces it to every member's
    /// devices. A retry with the same client message id returns the stored message, as it is now,
    /// never a second one.
    /// Over the person's send allowance it is refused as too fast before anything is queued.
    /// </summary>
    public async Task<ChatMessage> PostAsync(string userId, Guid threadId, MessageDraft? draft, CancellationToken ct = default)
    {
        var validId = ChatInput.ClientMessageId(draft?.ClientMessageId);
        var validBody = ChatInput.Body(draft?.Body);
        Guid? replyTo = string.IsNullOrEmpty(draft?.ReplyToId) ? null : ChatInput.MessageId(draft.ReplyToId);
        var mentions = MentionInput.Parse(draft?.Mentions);
        quota.Take(userId);

        // Who is online is asked only for @here, which is rare: a plain send costs no presence lookup.
        var onlineIds = mentions.Here && online is not null ? await online.InThreadAsync(threadId, ct) : null;
        var stored = await writes.StoreAsync(new PendingSend(userId, threadId, validId, validBody, replyTo) { Mentions = mentions, OnlineIds = onlineIds }, ct);
        if (!stored.IsNew)
        {
            // A retry: the message may have changed since it was stored (edits, reactions), and the
            // answer is the message as every device now has it. Retries are rare; this read is theirs alone.
            return await store.ReadMessageAsync(userId, threadId, stored.Message.Id, ct) ?? throw ChatException.ThreadNotFound();
        }

        await notifier.MessageStoredAsync(stored.Message, stored.RecipientIds!, ct);
        if (stored.ThreadToAnnounce is { } thread)
        {
            await notifier.ThreadAdvancedAsync(thread.ViewsForAll(), ct);
        }
        return stored.Message;
    }

    /// <summary>A page of history ending before <paramref name="beforeSeq"/> (the newest page when null), ascending.</summary>
    public async Task<IReadOnlyList<ChatMessage>> GetBeforeAsync(string userId, Guid threadId, long? beforeSeq, int? limit, CancellationToken ct = default)
    {
        if (beforeSeq is { } requested)
        {
            ChatInput.Seq(requested, "beforeSeq");
        }
        var take = ChatInput.PageSize(limit);
        return await store.ReadBeforeAsync(userId, threadId, beforeSeq, take, ct) ?? throw ChatException.ThreadNotFound();
    }

    /// <summary>Everything after <paramref name="afterSeq"/>, ascending: how a device catches up after a gap or a reconnect.</summary>
    public async Task<IReadOnlyList<ChatMessage>> GetAfterAsync(string userId, Guid threadId, long afterSeq, int? limit, CancellationToken ct = default)
    {
        ChatInput.Seq(afterSeq, "afterSeq");
        var take = ChatInput.PageSize(limit);
        return await store.ReadAfterAsync(userId, threadId, afterSeq, take, ct) ?? throw ChatException.ThreadNotFound();
    }

    /// <summary>
    /// Every message changed (or sent) after <paramref name="afterVersion"/>, in version order, each
    /// as it is now: how a device catches up on edits, deletes and reactions it missed.
    /// </summary>
    public async Task<MessageChanges> GetChangesAfterAsync(string userId, Guid threadId, long afterVersion, int? limit, CancellationToken ct = default)
    {
        ChatInput.Seq(afterVersion, "afterVersion");
        var take = ChatInput.PageSize(limit);
        return await store.ReadChangesAfterAsync(userId, threadId, afterVersion, take, ct) ?? throw ChatException.ThreadNotFound();
    }
}
