using ChatWeb.Domain.Attachments;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// What the thread list shows for a message: its text, or for files sent without text "🖼 Photo"
/// (or "🖼 3 photos") and "📎 report.pdf" (or "📎 3 files"). The server stores it; devices derive the
/// same from the message (<see cref="ThreadSummary.WithMessage"/>).
/// </summary>
public static class MessagePreview
{
    public static string Of(string body, IReadOnlyList<AttachmentView> attachments)
    {
        if (body.Length > 0 || attachments.Count == 0)
        {
            return ChatInput.Preview(body);
        }
        if (attachments.All(a => a.IsImage))
        {
            return attachments.Count == 1 ? "🖼 Photo" : $"🖼 {attachments.Count} photos";
        }
        return ChatInput.Preview(attachments.Count == 1 ? $"📎 {attachments[0].FileName}" : $"📎 {attachments.Count} files");
    }
}
