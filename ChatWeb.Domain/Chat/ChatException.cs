namespace ChatWeb.Domain.Chat;

/// <summary>
/// A refusal with a message fit to show the person who asked; nothing was written. Or, with
/// <see cref="ChatErrorKind.Unavailable"/>, a send the store could not take or confirm: the caller
/// sends it again with the same client message id, which stores it once or answers with what was stored.
/// </summary>
public sealed class ChatException(ChatErrorKind kind, string message, Exception? cause = null) : Exception(message, cause)
{
    public ChatErrorKind Kind { get; } = kind;

    public static ChatException ThreadNotFound() =>
        new(ChatErrorKind.NotFound, "Conversation not found, or you are not a member of it.");

    /// <summary>The message is not in the thread (or does not exist); the thread itself was found.</summary>
    public static ChatException MessageNotFound() =>
        new(ChatErrorKind.NotFound, "Message not found in this conversation.");

    public static ChatException ReplyTargetNotFound() =>
        new(ChatErrorKind.NotFound, "The message you are replying to was not found in this conversation.");

    public static ChatException PersonNotFound(string userName) =>
        new(ChatErrorKind.NotFound, $"No one is registered as '{userName}'.");

    public static ChatException Invalid(string message) => new(ChatErrorKind.Invalid, message);

    public static ChatException Forbidden(string message) => new(ChatErrorKind.Forbidden, message);

    /// <summary>The send's transaction did not commit (the database failed, was busy or unreachable, or the server is stopping).</summary>
    public static ChatException NotStored(Exception cause) =>
        new(ChatErrorKind.Unavailable, "Not stored: the message could not be stored just now. Send it again with the same client message id.", cause);

    /// <summary>The send's transaction committed, but could not be confirmed on disk.</summary>
    public static ChatException NotConfirmed(Exception cause) =>
        new(ChatErrorKind.Unavailable, "Not confirmed: the message could not be confirmed on disk. Send it again with the same client message id.", cause);

    /// <summary>Over the person's send allowance (<see cref="SendQuota"/>); nothing was queued or stored.</summary>
    public static ChatException TooFast() =>
        new(ChatErrorKind.TooFast, "Too fast: you are sending messages faster than allowed. Wait a moment and try again.");

    /// <summary>An upload over <c>Attachments:MaxBytes</c>; nothing was kept.</summary>
    public static ChatException TooLarge(string message) => new(ChatErrorKind.TooLarge, message);

    /// <summary>An attachment that is missing, or not the caller's to see or to use.</summary>
    public static ChatException AttachmentNotFound() =>
        new(ChatErrorKind.NotFound, "File not found, or you are not allowed to use it.");
}
