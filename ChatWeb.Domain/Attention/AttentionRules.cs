using ChatWeb.Domain.Chat;

namespace ChatWeb.Domain.Attention;

/// <summary>What asks for a person's attention, the same for every client: the tab's count, and which messages notify.</summary>
public static class AttentionRules
{
    /// <summary>
    /// The tab title's count: unread messages in threads that are not muted, plus unread mentions in
    /// muted ones (in a thread that is not muted, a mention is already one of its unread messages).
    /// </summary>
    public static long Count(IEnumerable<ThreadSummary> threads) =>
        threads.Sum(t => t.IsMuted ? t.UnreadMentions : t.UnreadCount);

    /// <summary>Whether anything is unread at all, muted or not: the favicon's dot.</summary>
    public static bool AnyUnread(IEnumerable<ThreadSummary> threads) => threads.Any(t => t.UnreadCount > 0);

    /// <summary>
    /// Whether a new message may notify its reader: not their own, and in a thread that is not muted,
    /// or mentioning them (a mention overrides mute). Where the reader is looking decides the rest, in the browser.
    /// </summary>
    public static bool Notifies(ChatMessage message, ThreadSummary? thread, string readerUserName, NotificationSettings settings) =>
        settings.Desktop
        && !string.Equals(message.Sender, readerUserName, StringComparison.OrdinalIgnoreCase)
        && (message.IsMentioning(readerUserName) || thread is not { IsMuted: true });
}
