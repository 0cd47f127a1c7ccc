namespace ChatWeb.Domain.Chat;

/// <summary>
/// What a person posts to a thread. Properties, not constructor parameters, so it grows (attachments
/// come later) without breaking callers; on the wire, fields it does not know are ignored.
/// Ids are strings, as everywhere on the wire: a malformed one is refused with a clear message.
/// </summary>
public sealed record MessageDraft
{
    /// <summary>The sender's idempotency key: a retry with the same key returns the stored message.</summary>
    public string? ClientMessageId { get; init; }

    public string? Body { get; init; }

    /// <summary>The id of a message of the same thread that this one answers; null for none.</summary>
    public string? ReplyToId { get; init; }

    /// <summary>The user names of members it mentions, and <c>"@here"</c> for everyone online in the thread (<see cref="MentionRules"/>).</summary>
    public IReadOnlyList<string?>? Mentions { get; init; }
}
