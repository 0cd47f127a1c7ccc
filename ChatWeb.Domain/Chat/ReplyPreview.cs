namespace ChatWeb.Domain.Chat;

/// <summary>
/// The message a reply answers, as it is now: <see cref="Preview"/> follows its edits (the body on
/// one line, cut as the thread list cuts it), and is null once it is deleted (<see cref="IsDeleted"/>).
/// </summary>
public sealed record ReplyPreview(Guid Id, long Seq, string Sender, string SenderDisplayName, string? Preview, bool IsDeleted)
{
    /// <summary>The quote a reply shows of <paramref name="original"/>.</summary>
    public static ReplyPreview Of(ChatMessage original) =>
        Of(original.Id, original.Seq, original.Sender, original.SenderDisplayName, original.Body, original.DeletedAt is not null);

    internal static ReplyPreview Of(Guid id, long seq, string sender, string senderDisplayName, string body, bool deleted) =>
        new(id, seq, sender, senderDisplayName, deleted ? null : ChatInput.Preview(body), deleted);
}
