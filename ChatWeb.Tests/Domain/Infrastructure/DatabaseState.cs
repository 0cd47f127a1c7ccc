using ChatWeb.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Tests.Domain.Infrastructure;

/// <summary>
/// Every chat row as text. Two states compared equal mean nothing was written, not merely that the
/// row counts happen to match.
/// </summary>
public sealed record DatabaseState(int Threads, int Members, int Messages, int Contacts, IReadOnlyList<string> Rows, int Reactions = 0)
{
    public static async Task<DatabaseState> ReadAsync(IDbContextFactory<ChatDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var threads = await db.Threads.AsNoTracking().ToListAsync(ct);
        var members = await db.ThreadMembers.AsNoTracking().ToListAsync(ct);
        var messages = await db.Messages.AsNoTracking().ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking().ToListAsync(ct);
        var reactions = await db.Reactions.AsNoTracking().ToListAsync(ct);
        var mentions = await db.Mentions.AsNoTracking().ToListAsync(ct);
        var users = await db.Users.AsNoTracking().ToListAsync(ct);
        var roles = await db.UserRoles.AsNoTracking().ToListAsync(ct);
        var audit = await db.AdminAudit.AsNoTracking().ToListAsync(ct);

        IEnumerable<string> rows =
        [
            .. threads.Select(t => $"thread {t.Id} {t.Kind} '{t.Title}' {t.DirectKey} seq={t.LastSeq} version={t.LastVersion} at={t.LastMessageAt:O} '{t.LastMessagePreview}' by={t.LastMessageSenderId}"),
            .. members.Select(m => $"member {m.ThreadId} {m.OwnerId} {m.Role} '{m.Nickname}' muted={m.IsMuted} read={m.LastReadSeq} joined={m.JoinedAt:O}"),
            .. messages.Select(m => $"message {m.Id} {m.ThreadId} seq={m.Seq} version={m.Version} {m.SenderId} {m.ClientMessageId} '{m.Body}' {m.SentAt:O} edited={m.EditedAt:O} deleted={m.DeletedAt:O} by={m.DeletedById} reply={m.ReplyToId}"),
            .. reactions.Select(r => $"reaction {r.ThreadId} {r.MessageId} {r.Emoji} {r.UserId} {r.ReactedAt:O}"),
            .. mentions.Select(m => $"mention {m.ThreadId} {m.MessageId} {m.UserId} seq={m.Seq}"),
            .. contacts.Select(c => $"contact {c.OwnerId} {c.ContactId} {c.CreatedAt:O}"),
            .. users.Select(u => $"user {u.Id} {u.UserName} '{u.DisplayName}' seen={u.LastSeenAt:O} receipts={u.ShareReadReceipts} deactivated={u.DeactivatedAt:O} stamp={u.SecurityStamp} lockout={u.LockoutEnd:O}"),
            .. roles.Select(r => $"role {r.UserId} {r.RoleId}"),
            .. audit.Select(a => $"audit {a.Id} {a.At:O} {a.ActorId} {a.Action} {a.TargetId}"),
        ];
        return new DatabaseState(threads.Count, members.Count, messages.Count, contacts.Count, rows.Order(StringComparer.Ordinal).ToList(), reactions.Count);
    }
}
