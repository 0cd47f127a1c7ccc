using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Presence;
using ChatWeb.Realtime;

namespace ChatWeb.Hubs;

/// <summary>The events the hub pushes. Names and payload shapes are a public contract (docs/realtime-api.md).</summary>
public interface IChatClient
{
    Task MessageReceived(ChatMessage message);

    Task MessageChanged(ChatMessage message);

    Task ReadUpTo(Domain.Chat.ReadUpTo readUpTo);

    Task ThreadUpdated(ThreadSummary thread);

    Task ThreadRemoved(Guid threadId);

    Task PresenceChanged(PresenceView presence);

    Task Typing(TypingNotice typing);

    Task ContactsChanged();
}
