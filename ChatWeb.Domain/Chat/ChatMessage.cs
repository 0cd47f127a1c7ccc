namespace ChatWeb.Domain.Chat;

/// <summary>
/// A stored message as it is now: returned to the sender only after commit, delivered to every
/// member, and delivered again (<c>MessageChanged</c>) each time it changes. <see cref="Version"/>
/// orders its states: a device keeps the one with the highest.
/// </summary>
public sealed record ChatMessage(
    Guid Id,
    Guid ThreadId,
    long Seq,
    string Sender,
    string SenderDisplayName,
    string Body,
    DateTime SentAt,
    string ClientMessageId)
{
    /// <summary>The thread's version of this message's last change (its sending, an edit, a delete, a reaction).</summary>
    public long Version { get; init; }

    /// <summary>When its sender last changed the text; null if never.</summary>
    public DateTime? EditedAt { get; init; }

    /// <summary>When it was deleted; its <see cref="Body"/> is then empty and its reactions gone.</summary>
    public DateTime? DeletedAt { get; init; }

    /// <summary>Who deleted it (its sender, or a group's owner or admin), by user name.</summary>
    public string? DeletedBy { get; init; }

    /// <summary>The message this one answers, as that message is now.</summary>
    public ReplyPreview? ReplyTo { get; init; }

    /// <summary>One entry per emoji, in the order each was first given.</summary>
    public IReadOnlyList<ReactionView> Reactions { get; init; } = [];

    /// <summary>The user names of the members it mentions, @here's included, in user-name order; empty once deleted.</summary>
    public IReadOnlyList<string> Mentions { get; init; } = [];

    /// <summary>Its sender mentioned @here (everyone then online is in <see cref="Mentions"/>).</summary>
    public bool MentionsHere { get; init; }

    /// <summary>Whether it calls for <paramref name="userName"/>'s attention: it mentions them, and they did not send it.</summary>
    public bool IsMentioning(string userName) =>
        !string.Equals(Sender, userName, StringComparison.OrdinalIgnoreCase)
        && Mentions.Contains(userName, StringComparer.OrdinalIgnoreCase);

    // Value equality includes the reactions' contents, not the lists' identity: a message read back
    // equals the one that was acknowledged.
    public bool Equals(ChatMessage? other) =>
        other is not null
        && (Id, ThreadId, Seq, Sender, SenderDisplayName, Body, SentAt, ClientMessageId)
            == (other.Id, other.ThreadId, other.Seq, other.Sender, other.SenderDisplayName, other.Body, other.SentAt, other.ClientMessageId)
        && (Version, EditedAt, DeletedAt, DeletedBy, ReplyTo) == (other.Version, other.EditedAt, other.DeletedAt, other.DeletedBy, other.ReplyTo)
        && Reactions.SequenceEqual(other.Reactions)
        && MentionsHere == other.MentionsHere && Mentions.SequenceEqual(other.Mentions);

    public override int GetHashCode() => HashCode.Combine(Id, Version);
}
