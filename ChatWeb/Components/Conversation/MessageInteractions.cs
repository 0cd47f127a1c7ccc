using ChatWeb.Domain.Chat;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// What a message row can ask the open conversation to do (reply, react, edit, delete, show the
/// original of a quote), handed down as one cascading value so the list between them needs no
/// parameter for each. Whether an action is offered is the row's <see cref="MessageLife"/>, from the domain.
/// </summary>
public sealed class MessageInteractions
{
    public required string MyUserName { get; init; }

    public required Func<ChatMessage, Task> Reply { get; init; }

    /// <summary>The message, the emoji, and whether the reader adds it (true) or takes it back.</summary>
    public required Func<ChatMessage, string, bool, Task> React { get; init; }

    public required Func<ChatMessage, Task> StartEdit { get; init; }

    /// <summary>Saves the new text of the message being edited.</summary>
    public required Func<ChatMessage, string, Task> SaveEdit { get; init; }

    public required Func<Task> CancelEdit { get; init; }

    /// <summary>Asks the reader to confirm, then deletes.</summary>
    public required Func<ChatMessage, Task> Delete { get; init; }

    /// <summary>Scrolls to the message a quote shows (loading the page around it if it is not held) and highlights it.</summary>
    public required Func<long, Task> ShowOriginal { get; init; }

    /// <summary>The emoji the reader used lately, most recent first.</summary>
    public required Func<IReadOnlyList<string>> RecentEmoji { get; init; }

    /// <summary>A member's display name by user name (the user name itself for someone no longer in the thread).</summary>
    public required Func<string, string> DisplayNameOf { get; init; }
}
