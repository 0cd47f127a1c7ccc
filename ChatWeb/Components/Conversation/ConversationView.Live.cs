using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Presence;
using ChatWeb.Realtime;

namespace ChatWeb.Components.Conversation;

/// <summary>Live events of the open conversation. They arrive off the renderer's context, hence InvokeAsync.</summary>
public sealed partial class ConversationView
{
    private ITimer? typingExpiry;

    private void Subscribe()
    {
        subscriptions.Add(Events.On<ChatMessage>(m => ForThisThread(m.ThreadId, () => OnMessageAsync(m))));
        subscriptions.Add(Events.On<ThreadSummary>(s => ForThisThread(s.Id, () => OnThreadUpdatedAsync(s))));
        subscriptions.Add(Events.On<ThreadRemovedNotice>(n => ForThisThread(n.ThreadId, () =>
        {
            ShowRemoved();
            return Task.CompletedTask;
        })));
        subscriptions.Add(Events.On<TypingNotice>(n => ForThisThread(n.ThreadId, () =>
        {
            OnTyping(n);
            return Task.CompletedTask;
        })));
        subscriptions.Add(Events.On<PresenceView>(p => Guarded(() =>
        {
            if (Peer is { } peer && string.Equals(peer.UserName, p.UserName, StringComparison.OrdinalIgnoreCase))
            {
                peerPresence = p;
                StateHasChanged();
            }
            return Task.CompletedTask;
        })));
        subscriptions.Add(Events.On<ReconnectedNotice>(_ => Guarded(OnReconnectedAsync)));
    }

    private Task ForThisThread(Guid threadId, Func<Task> handle) =>
        threadId == ThreadId ? Guarded(handle) : Task.CompletedTask;

    /// <summary>Runs a handler on the renderer's context; a failure is logged, never thrown back into the event source.</summary>
    private Task Guarded(Func<Task> handle) => InvokeAsync(async () =>
    {
        if (removed || notFound || disposed.IsCancellationRequested)
        {
            return;
        }
        try
        {
            await handle();
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
            return;
        }
        catch (ChatException ex) when (ex.Kind == ChatErrorKind.NotFound)
        {
            ShowRemoved();
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Handling a live event for conversation {ThreadId} failed.", ThreadId);
        }
        StateHasChanged();
    });

    private async Task OnMessageAsync(ChatMessage message)
    {
        if (feed is null)
        {
            return;
        }
        typing.Remove(message.Sender);
        if (summary is not null && me is not null)
        {
            OnSummaryChanged(summary.WithMessage(message, me.UserName));
        }
        var added = await feed.ReceiveAsync(message, KeepNewest, Ct);
        NoteArrivals(added);
        await MarkReadAsync();
    }

    private async Task OnThreadUpdatedAsync(ThreadSummary changed)
    {
        OnSummaryChanged(changed);
        if (feed is { NeedsCatchUp: true })
        {
            NoteArrivals(await feed.CatchUpAsync(KeepNewest, Ct));
            await MarkReadAsync();
        }
    }

    /// <summary>Events were missed while the connection was down: refetch the thread and everything after the last seq.</summary>
    private async Task OnReconnectedAsync()
    {
        if (feed is null || me is null)
        {
            return;
        }
        OnSummaryChanged(await Conversations.GetThreadAsync(me.Id, ThreadId, Ct));
        NoteArrivals(await feed.CatchUpAsync(KeepNewest, Ct));
        await LoadPeerPresenceAsync();
        await MarkReadAsync();
    }

    private void OnTyping(TypingNotice notice)
    {
        // Own notices come from this person's other devices: not news to them.
        if (me is null || string.Equals(notice.UserName, me.UserName, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        typing.Note(notice);
        ScheduleTypingExpiry();
    }

    /// <summary>One timer, set for the next notice to lapse: the re-render then drops that name from the line.</summary>
    private void ScheduleTypingExpiry()
    {
        typingExpiry ??= Time.CreateTimer(_ => _ = InvokeAsync(() =>
        {
            StateHasChanged();
            ScheduleTypingExpiry();
        }), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (typing.NextExpiry is { } next)
        {
            var due = next - Time.GetUtcNow();
            typingExpiry.Change((due > TimeSpan.Zero ? due : TimeSpan.Zero) + TimeSpan.FromMilliseconds(50), Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Counts others' messages the reader has not seen yet and starts the divider at the first one.</summary>
    private void NoteArrivals(IReadOnlyList<ChatMessage> added)
    {
        if (IsViewingLatest || me is null)
        {
            return;
        }
        var fromOthers = added.Where(m => !string.Equals(m.Sender, me.UserName, StringComparison.OrdinalIgnoreCase)).ToList();
        newWhileAway += fromOthers.Count;
        if (fromOthers.Count > 0 && unreadFromSeq is null)
        {
            unreadFromSeq = fromOthers[0].Seq;
        }
    }
}
