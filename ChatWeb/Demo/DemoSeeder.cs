using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Contacts;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using ChatWeb.Domain.Presence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatWeb.Demo;

/// <summary>
/// Seeds <see cref="DemoCompany"/> into an empty database, through Identity and the chat services,
/// so every rule holds as if people had typed it: password hashes, normalized names, one direct
/// thread per pair, gap-free seqs, previews and read marks. Those services stamp "now", so they
/// get a clock of their own (<see cref="DemoClock"/>) set to each line's moment in the past.
/// A database with anyone in it is left alone. Several nodes may start at once: the people are
/// created in a transaction one node at a time may hold, so the others wait, find them, and stop.
/// </summary>
internal sealed class DemoSeeder(
    ChatDbContext db,
    UserManager<ChatUser> users,
    IDbContextFactory<ChatDbContext> dbFactory,
    IMessageStore store,
    DemoOptions options,
    TimeProvider time,
    ILoggerFactory loggers)
{
    // The history is typed by a few people in one go: an allowance it never reaches.
    private static readonly SendRateLimitOptions Unhurried = new() { Burst = 1_000_000, PerSecond = 1_000_000 };

    private readonly ILogger logger = loggers.CreateLogger<DemoSeeder>();

    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (await CreatePeopleAsync(now, ct) is not { } ids)
        {
            return false;
        }

        var clock = new DemoClock(now);
        var notifier = new NullChatNotifier();
        var threads = await CreateThreadsAsync(new ConversationService(dbFactory, notifier, clock), clock, ids, now, ct);
        // A writer of its own, on the demo's clock: the app's writer stamps messages with the real time.
        using (var writer = new GroupCommitWriter(store, clock, loggers.CreateLogger<GroupCommitWriter>()))
        {
            await writer.StartAsync(ct);
            var messages = new MessageService(store, writer, notifier, new SendQuota(Options.Create(Unhurried), clock));
            await SendHistoryAsync(messages, clock, ids, threads, now, ct);
            await writer.StopAsync(ct);
        }
        await MarkReadAsync(new ThreadSettingsService(dbFactory, notifier), ids, threads, ct);
        clock.Now = now;
        var contacts = new ContactService(dbFactory, new InMemoryPresenceTracker(), notifier, clock);
        foreach (var contact in DemoCompany.AliceContacts)
        {
            await contacts.AddAsync(ids[DemoCompany.Alice], DemoCompany.Person(contact).Email, ct);
        }

        logger.LogInformation(
            "Seeded the demo company: {People} people, {Threads} conversations, {Messages} messages. Sign in as {Email} with the password in Demo:Password.",
            DemoCompany.People.Length, DemoCompany.Threads.Length, DemoCompany.History.Length, DemoCompany.Person(DemoCompany.Alice).Email);
        return true;
    }

    /// <summary>Everyone's account, by handle; null, having said why, when the database has people already.</summary>
    private async Task<Dictionary<string, string>?> CreatePeopleAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await ExclusiveTransaction.BeginAsync(db, "ChatWeb.DemoSeed", ct);
        var existing = await db.Users.CountAsync(ct);
        if (existing > 0)
        {
            logger.LogInformation("Demo:Seed is on, but the database already has {People} people: the demo seeds an empty database only, so nothing was added.", existing);
            return null;
        }
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var person in DemoCompany.People)
        {
            var user = new ChatUser
            {
                UserName = person.Email, Email = person.Email, EmailConfirmed = true, DisplayName = person.DisplayName,
                LastSeenAt = (now - person.LastSeenAgo).UtcDateTime,
            };
            var result = await users.CreateAsync(user, options.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Could not create the demo person {person.Email}: {string.Join(" ", result.Errors.Select(e => e.Description))} " +
                    "Demo:Password must meet the password rules.");
            }
            ids[person.Handle] = user.Id;
        }
        await transaction.CommitAsync(ct);
        return ids;
    }

    /// <summary>Each conversation is started by its first member shortly before its first line.</summary>
    private static async Task<Dictionary<string, Guid>> CreateThreadsAsync(
        ConversationService conversations, DemoClock clock, Dictionary<string, string> ids, DateTimeOffset now, CancellationToken ct)
    {
        var threads = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var thread in DemoCompany.Threads.OrderBy(t => FirstLineAt(t, now)))
        {
            clock.Now = FirstLineAt(thread, now).AddMinutes(-2);
            var starter = ids[thread.Members[0]];
            var others = thread.Members.Skip(1).Select(m => DemoCompany.Person(m).Email).ToList();
            var summary = thread.Title is { } title
                ? await conversations.CreateGroupAsync(starter, title, others, ct)
                : await conversations.OpenDirectAsync(starter, others.Single(), ct);
            threads[thread.Key] = summary.Id;
        }
        return threads;
    }

    private static async Task SendHistoryAsync(
        MessageService messages, DemoClock clock, Dictionary<string, string> ids, Dictionary<string, Guid> threads, DateTimeOffset now, CancellationToken ct)
    {
        // In time order; a stable sort keeps the script's order for lines said in the same minute.
        var lines = DemoCompany.History.Select((line, index) => (Line: line, Index: index)).OrderBy(l => l.Line.When.Resolve(now)).ToList();
        foreach (var (line, index) in lines)
        {
            clock.Now = line.When.Resolve(now);
            await messages.SendAsync(ids[line.Sender], threads[line.Thread], $"demo-{index}", line.Text, ct);
        }
    }

    /// <summary>Everyone has read everything but Alice, who has a few lines left in some conversations.</summary>
    private static async Task MarkReadAsync(ThreadSettingsService settings, Dictionary<string, string> ids, Dictionary<string, Guid> threads, CancellationToken ct)
    {
        foreach (var thread in DemoCompany.Threads)
        {
            var lastSeq = DemoCompany.History.Count(l => l.Thread == thread.Key);
            foreach (var member in thread.Members)
            {
                var readUpTo = member == DemoCompany.Alice ? lastSeq - thread.UnreadForAlice : lastSeq;
                await settings.MarkReadAsync(ids[member], threads[thread.Key], readUpTo, ct);
            }
        }
    }

    private static DateTimeOffset FirstLineAt(DemoThread thread, DateTimeOffset now) =>
        DemoCompany.History.Where(l => l.Thread == thread.Key).Min(l => l.When.Resolve(now));
}
