namespace ChatWeb.Domain.Chat;

/// <summary>A refusal with a message fit to show the person who asked. Nothing was written.</summary>
public sealed class ChatException(ChatErrorKind kind, string message) : Exception(message)
{
    public ChatErrorKind Kind { get; } = kind;

    public static ChatException ThreadNotFound() =>
        new(ChatErrorKind.NotFound, "Conversation not found, or you are not a member of it.");

    public static ChatException PersonNotFound(string userName) =>
        new(ChatErrorKind.NotFound, $"No one is registered as '{userName}'.");

    public static ChatException Invalid(string message) => new(ChatErrorKind.Invalid, message);

    public static ChatException Forbidden(string message) => new(ChatErrorKind.Forbidden, message);

    /// <summary>Over the person's send allowance (<see cref="SendQuota"/>); nothing was queued or stored.</summary>
    public static ChatException TooFast() =>
        new(ChatErrorKind.TooFast, "Too fast: you are sending messages faster than allowed. Wait a moment and try again.");
}
