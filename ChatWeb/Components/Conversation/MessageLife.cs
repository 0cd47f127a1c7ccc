using ChatWeb.Domain.Chat;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// What a row shows of its message's life beyond the text: the quote it answers, whether it was
/// edited or deleted, its reactions, the read receipts, and what the reader may do with it (decided
/// by the domain's <see cref="MessagePermissions"/>). A record, so an unchanged row skips rendering.
/// </summary>
public sealed record MessageLife(
    ChatMessage? Message,
    ReplyPreview? ReplyTo,
    bool CanReply,
    bool CanEdit,
    bool CanDelete,
    bool CanReact,
    bool IsEditing,
    bool IsRead,
    SeenBy? SeenBy)
{
    public bool IsDeleted => Message?.DeletedAt is not null;

    public bool IsEdited => Message is { EditedAt: not null, DeletedAt: null };

    public IReadOnlyList<ReactionView> Reactions => Message?.Reactions ?? [];

    /// <summary>Any action at all to offer on this row.</summary>
    public bool HasActions => CanReply || CanEdit || CanDelete || CanReact;
}
