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
}
