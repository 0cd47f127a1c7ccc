using ChatWeb.Domain.Chat;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// The receiving half of the change protocol (docs/realtime-api.md, "Catching up on changes"): the
/// highest version this device has applied with nothing missing below it, and what a gap or a
/// reconnect makes it fetch. Every message carries a version, new ones too, so both events move it
/// on. Used on the renderer's context only, like the feed it applies to.
/// </summary>
internal sealed class ChangeCatchUp(MessageService messages, ConversationFeed feed, string userId, Guid threadId)
{
    private bool catchingUp;
    private bool catchUpAgain;

    /// <summary>Every change at or below this one has been applied.</summary>
    public long LastVersion { get; private set; }

    /// <summary>The thread's version when the first page was read: that page holds every change up to it.</summary>
    public void Opened(long version) => LastVersion = Math.Max(LastVersion, version);

    /// <summary>A message (new or changed) was applied; its version may close the run or show a gap. True on a gap.</summary>
    public bool Note(long version)
    {
        if (version == LastVersion + 1)
        {
            LastVersion = version;
        }
        return version > LastVersion;
    }

    /// <summary>A changed message, from an event or a change's answer: applied, then caught up if a change was missed.</summary>
    public async Task<IReadOnlyList<ChatMessage>> ApplyAsync(ChatMessage changed, Func<bool> keepNewest, CancellationToken ct)
    {
        var added = await feed.ApplyChangeAsync(changed, keepNewest, ct);
        if (!Note(changed.Version))
        {
            return added;
        }
        return [.. added, .. await CatchUpAsync(keepNewest, ct)];
    }

    /// <summary>
    /// Fetches every change after <see cref="LastVersion"/>, a page at a time, until a short page
    /// says the latest is reached; copies already held at that version are dropped by the feed. One
    /// run at a time; a request during a run makes it go round once more.
    /// </summary>
    public async Task<IReadOnlyList<ChatMessage>> CatchUpAsync(Func<bool> keepNewest, CancellationToken ct)
    {
        if (catchingUp)
        {
            catchUpAgain = true;
            return [];
        }
        catchingUp = true;
        var added = new List<ChatMessage>();
        try
        {
            do
            {
                catchUpAgain = false;
                MessageChanges page;
                do
                {
                    page = await messages.GetChangesAfterAsync(userId, threadId, LastVersion, ChatInput.MaxPageSize, ct);
                    foreach (var changed in page.Messages)
                    {
                        added.AddRange(await feed.ApplyChangeAsync(changed, keepNewest, ct));
                    }
                    LastVersion = Math.Max(LastVersion, page.LastVersion);
                }
                while (page.Messages.Count >= ChatInput.MaxPageSize);
            }
            while (catchUpAgain);
        }
        finally
        {
            catchingUp = false;
        }
        return added;
    }
}
