using ChatWeb.Domain.Data.Sqlite;
using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>
/// Writes a long conversation straight into the running app's SQLite file (WAL lets it beside the
/// app): sending 5,000 messages through the hub would take minutes under its send rate limit.
/// The rows are what the app itself would have written: gap-free seqs from 1, thread and member
/// last-activity fields updated, everything already read.
/// </summary>
public sealed class HistorySeeder(ChatWebServer server)
{
    public async Task<Guid> SeedDirectThreadAsync(Person first, Person second, int messageCount, CancellationToken ct)
    {
        await using var db = CreateContext();
        var firstId = await UserIdAsync(db, first, ct);
        var secondId = await UserIdAsync(db, second, ct);
        var now = DateTime.UtcNow;
        var start = now.AddMinutes(-messageCount);

        var thread = new ChatThread
        {
            Kind = ThreadKind.Direct,
            DirectKey = ChatThread.DirectKeyFor(firstId, secondId),
            CreatedById = firstId,
            CreatedAt = start,
            LastSeq = messageCount,
            LastMessageAt = now,
            LastMessagePreview = BodyOf(messageCount),
            LastMessageSenderId = SenderOf(messageCount, firstId, secondId),
            Members = [Member(firstId, messageCount, start, now), Member(secondId, messageCount, start, now)],
        };
        db.Threads.Add(thread);
        for (var seq = 1; seq <= messageCount; seq++)
        {
            db.Messages.Add(new Message
            {
                ThreadId = thread.Id,
                Seq = seq,
                SenderId = SenderOf(seq, firstId, secondId),
                Body = BodyOf(seq),
                ClientMessageId = $"seed-{thread.Id:N}-{seq}",
                SentAt = seq == messageCount ? now : start.AddMinutes(seq),
            });
        }
        await db.SaveChangesAsync(ct);
        return thread.Id;
    }

    /// <summary>The text of the message with that seq: tests find messages by it.</summary>
    public static string BodyOf(long seq) => $"History message {seq}";

    private SqliteChatDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<SqliteChatDbContext>().UseSqlite(server.ConnectionString).Options);

    private static Task<string> UserIdAsync(SqliteChatDbContext db, Person person, CancellationToken ct) =>
        db.Users.Where(u => u.NormalizedEmail == person.Email.ToUpperInvariant()).Select(u => u.Id).SingleAsync(ct);

    private static string SenderOf(long seq, string firstId, string secondId) => seq % 3 == 0 ? secondId : firstId;

    private static ThreadMember Member(string userId, long lastReadSeq, DateTime joinedAt, DateTime lastActivityAt) =>
        new() { OwnerId = userId, Role = MemberRole.Member, LastReadSeq = lastReadSeq, JoinedAt = joinedAt, LastActivityAt = lastActivityAt };
}
