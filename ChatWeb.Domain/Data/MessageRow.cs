using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;

namespace ChatWeb.Domain.Data;

/// <summary>
/// A message as EF reads it for every page: its sender, who deleted it, the message it answers and
/// its reactions, in one query (the reactions are a prefix seek on their key per message).
/// </summary>
internal sealed record MessageRow(
    Guid Id, Guid ThreadId, long Seq, string Sender, string SenderDisplayName, string Body, DateTime SentAt, string ClientMessageId,
    long Version, DateTime? EditedAt, DateTime? DeletedAt, string? DeletedBy, ReplyRow? ReplyTo, List<ReactionRow> Reactions)
{
    /// <summary>Whom it mentions (user names), and whether by @here too.</summary>
    public List<string> Mentions { get; init; } = [];

    public bool MentionsHere { get; init; }

    /// <summary>
    /// The projection: left joins to the replied-to message (and its sender) and to whoever deleted
    /// the message, and the message's reactions (matched on thread and message, their key's prefix).
    /// Row order is not kept: callers order the result.
    /// </summary>
    public static IQueryable<MessageRow> Project(ChatDbContext db, IQueryable<Message> messages) =>
        messages
            .LeftJoin(db.Messages, m => m.ReplyToId, r => (Guid?)r.Id, (m, r) => new { Message = m, Reply = r })
            .LeftJoin(db.Users, x => x.Message.DeletedById, u => u.Id, (x, d) => new { x.Message, x.Reply, DeletedBy = d })
            .Select(x => new MessageRow(
                x.Message.Id, x.Message.ThreadId, x.Message.Seq, x.Message.Sender!.UserName!, x.Message.Sender.DisplayName, x.Message.Body,
                x.Message.SentAt, x.Message.ClientMessageId, x.Message.Version, x.Message.EditedAt, x.Message.DeletedAt, x.DeletedBy!.UserName,
                x.Reply == null
                    ? null
                    : new ReplyRow(x.Reply.Id, x.Reply.Seq, x.Reply.Sender!.UserName!, x.Reply.Sender.DisplayName, x.Reply.Body, x.Reply.DeletedAt),
                db.Reactions
                    .Where(r => r.ThreadId == x.Message.ThreadId && r.MessageId == x.Message.Id)
                    .OrderBy(r => r.ReactedAt).ThenBy(r => r.Emoji).ThenBy(r => r.UserId)
                    .Select(r => new ReactionRow(r.Emoji, r.User!.UserName!))
                    .ToList())
            {
                Mentions = db.Mentions
                    .Where(mention => mention.ThreadId == x.Message.ThreadId && mention.MessageId == x.Message.Id)
                    .Select(mention => mention.Member!.Owner!.UserName!)
                    .ToList(),
                MentionsHere = x.Message.MentionsHere,
            });

    public ChatMessage ToMessage() => new(Id, ThreadId, Seq, Sender, SenderDisplayName, Body, SentAt, ClientMessageId)
    {
        Version = Version,
        EditedAt = EditedAt,
        DeletedAt = DeletedAt,
        DeletedBy = DeletedBy,
        ReplyTo = ReplyTo is { } r ? ReplyPreview.Of(r.Id, r.Seq, r.Sender, r.SenderDisplayName, r.Body, r.DeletedAt is not null) : null,
        // Grouped in the order each emoji was first given, each group's people in the order they gave it.
        Reactions = Reactions.GroupBy(r => r.Emoji, StringComparer.Ordinal)
            .Select(g => new ReactionView(g.Key, g.Count(), g.Select(r => r.UserName).ToList()))
            .ToList(),
        // A deleted message's text is gone, and with it whom it called.
        Mentions = DeletedAt is null ? [.. Mentions.Order(StringComparer.OrdinalIgnoreCase)] : [],
        MentionsHere = DeletedAt is null && MentionsHere,
    };
}

internal sealed record ReplyRow(Guid Id, long Seq, string Sender, string SenderDisplayName, string Body, DateTime? DeletedAt);

internal sealed record ReactionRow(string Emoji, string UserName);
