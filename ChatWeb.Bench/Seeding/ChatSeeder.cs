using ChatWeb.Domain.Data.Sqlite;
using ChatWeb.Domain.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Bench.Seeding;

/// <summary>What the seeder wrote: the history thread the server must page through.</summary>
internal sealed record SeededHistory(Guid ThreadId, int Messages);

/// <summary>
/// Writes the database before the server starts, through the domain's own context and migrations.
/// Users are inserted directly instead of through the register API: one password hash, computed
/// once, serves them all, which turns minutes of PBKDF2 into a second.
/// </summary>
internal static class ChatSeeder
{
    public static async Task<SeededHistory> SeedAsync(string dbPath, int users, int historyMessages)
    {
        var connectionString = $"Data Source={dbPath}";
        await using var db = BenchDb.Open(connectionString);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");

        var hash = new PasswordHasher<ChatUser>().HashPassword(new ChatUser(), BenchUsers.Password);
        var names = Enumerable.Range(0, users).Select(BenchUsers.Name).Append(BenchUsers.HistoryOwner).Append(BenchUsers.HistoryPeer);
        var people = names.Select(name => NewUser(name, hash)).ToList();
        db.Users.AddRange(people);
        await db.SaveChangesAsync();

        var (owner, peer) = (people[^2], people[^1]);
        var now = DateTime.UtcNow;
        var thread = new ChatThread
        {
            Kind = ThreadKind.Direct,
            DirectKey = ChatThread.DirectKeyFor(owner.Id, peer.Id),
            CreatedById = owner.Id,
            CreatedAt = now.AddSeconds(-historyMessages - 1),
            LastSeq = historyMessages,
            LastVersion = historyMessages,
            LastMessageAt = now,
            LastMessagePreview = HistoryRows.Body(historyMessages),
            LastMessageSenderId = HistoryRows.Sender(historyMessages, owner.Id, peer.Id),
            Members = [Member(owner.Id, now, historyMessages), Member(peer.Id, now, historyMessages)],
        };
        db.Threads.Add(thread);
        await db.SaveChangesAsync();

        await HistoryRows.InsertAsync(connectionString, thread.Id, owner.Id, peer.Id, historyMessages, now);
        await VerifyAsync(db, thread.Id, historyMessages);
        return new SeededHistory(thread.Id, historyMessages);
    }

    private static ChatUser NewUser(string email, string passwordHash) => new()
    {
        Id = Guid.NewGuid().ToString(),
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        PasswordHash = passwordHash,
        SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true,
    };

    private static ThreadMember Member(string userId, DateTime now, long lastSeq) =>
        new() { OwnerId = userId, Role = MemberRole.Member, JoinedAt = now, LastReadSeq = lastSeq };

    /// <summary>The raw rows must read back through EF exactly as if the send path had written them.</summary>
    private static async Task VerifyAsync(SqliteChatDbContext db, Guid threadId, int expected)
    {
        var stats = await db.Messages.AsNoTracking().Where(m => m.ThreadId == threadId)
            .GroupBy(m => m.ThreadId)
            .Select(g => new { Count = g.Count(), Min = g.Min(m => m.Seq), Max = g.Max(m => m.Seq) })
            .SingleOrDefaultAsync();
        var newest = await db.Messages.AsNoTracking().Where(m => m.ThreadId == threadId && m.Seq == expected)
            .Select(m => new { m.Sender!.UserName, m.SentAt }).SingleOrDefaultAsync();
        if (expected > 0 && (stats is null || stats.Count != expected || stats.Min != 1 || stats.Max != expected || newest?.UserName is null))
        {
            throw new InvalidOperationException($"History seed is not readable as written: {stats}, newest {newest}.");
        }
    }
}
