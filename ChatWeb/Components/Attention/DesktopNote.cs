using ChatWeb.Domain.Attention;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;

namespace ChatWeb.Components.Attention;

/// <summary>What a desktop notification says: who wrote where, and (unless hidden by the setting) the start of it.</summary>
public sealed record DesktopNote(string ThreadId, string Title, string Body, string Url, bool Sound)
{
    public const int PreviewLength = 100;

    public static DesktopNote For(ChatMessage message, ThreadSummary? thread, string readerUserName, NotificationSettings settings)
    {
        var mentioned = message.IsMentioning(readerUserName);
        var where = thread is { Kind: ThreadKind.Group } group ? $" in {group.DisplayTitle}" : "";
        var title = mentioned ? $"{message.SenderDisplayName} mentioned you{where}" : $"{message.SenderDisplayName}{where}";
        var body = !settings.Preview ? (mentioned ? "Open ChatWeb to read it." : "New message")
            : message.Body.Length <= PreviewLength ? message.Body
            : string.Concat(message.Body.AsSpan(0, PreviewLength), "…");
        return new DesktopNote(message.ThreadId.ToString(), title, body, $"chat/{message.ThreadId}", settings.Sound);
    }
}
