using ChatWeb.Demo;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace ChatWeb.Tests.Integration;

/// <summary>The lived-in demo: Demo:Seed=true seeds a small company into an empty database, and only there.</summary>
public sealed class DemoSeedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_EmptyDatabaseWithDemoSeed_SeedsTheCompanyAsIfPeopleHadTypedIt()
    {
        await using var app = new DemoFactory();
        var started = DateTime.UtcNow;
        using var client = app.CreateClient();

        await using var db = await app.OpenDbAsync();
        var people = await db.Users.OrderBy(u => u.UserName).ToListAsync(Ct);
        var alice = people.Single(p => p.UserName == "alice@demo.local");
        var threads = await app.Services.GetRequiredService<ConversationService>().GetThreadsAsync(alice.Id, Ct);
        var contacts = await db.Contacts.Where(c => c.OwnerId == alice.Id).CountAsync(Ct);

        Assert.InRange(people.Count, 8, 12);
        Assert.All(people, p => Assert.False(string.IsNullOrWhiteSpace(p.DisplayName)));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ChatUser>>();
            foreach (var person in people)
            {
                Assert.True(await users.CheckPasswordAsync(person, DemoOptions.DefaultPassword), $"{person.UserName} cannot sign in with the demo password.");
            }
        }
        Assert.InRange(threads.Count(t => t.Kind == ThreadKind.Group), 2, 3);
        Assert.True(threads.Count(t => t.Kind == ThreadKind.Direct) >= 2);
        Assert.Equal(new Dictionary<string, long> { ["Product launch"] = 3, ["Lunch & coffee"] = 2, ["Carol Nguyen"] = 2 },
            threads.Where(t => t.UnreadCount > 0).ToDictionary(t => t.Title, t => t.UnreadCount));
        Assert.Equal(4, contacts);
        await AssertEveryThreadKeepsTheRulesAsync(db, alice.Id, started);
    }

    [Fact]
    public async Task Start_DatabaseWithPeopleAndDemoSeed_AddsNobodyAndStarts()
    {
        await using var existing = new ChatWebFactory();
        var someone = await existing.RegisterUserAsync();
        await using var app = new DemoFactory(existing.DatabasePath);

        using var client = app.CreateClient();
        using var health = await client.GetAsync("/healthz", Ct);

        health.EnsureSuccessStatusCode();
        await using var db = await app.OpenDbAsync();
        Assert.Equal([someone], await db.Users.Select(u => u.UserName!).ToListAsync(Ct));
        Assert.Equal(0, await db.Threads.CountAsync(Ct));
    }

    [Fact]
    public async Task Seed_TwoNodesAtOnce_OneSeedsTheOtherAddsNothing()
    {
        await using var app = new ChatWebFactory();
        using var client = app.CreateClient();
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();

        var outcomes = await Task.WhenAll(Seeder(first.ServiceProvider).SeedAsync(Ct), Seeder(second.ServiceProvider).SeedAsync(Ct));

        Assert.Equal(1, outcomes.Count(seeded => seeded));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(DemoCompany.People.Length, await db.Users.CountAsync(Ct));
        Assert.Equal(DemoCompany.Threads.Length, await db.Threads.CountAsync(Ct));
        Assert.Equal(DemoCompany.History.Length, await db.Messages.CountAsync(Ct));
    }

    /// <summary>Seqs 1..LastSeq without gaps, in time order, in the past; the thread's last-message fields and read marks match.</summary>
    private static async Task AssertEveryThreadKeepsTheRulesAsync(ChatDbContext db, string aliceId, DateTime seededBy)
    {
        var threads = await db.Threads.AsNoTracking().Include(t => t.Members).ToListAsync(Ct);
        var messages = (await db.Messages.AsNoTracking().ToListAsync(Ct)).ToLookup(m => m.ThreadId);
        foreach (var thread in threads)
        {
            var history = messages[thread.Id].OrderBy(m => m.Seq).ToList();
            var last = history[^1];
            Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(m => m.Seq));
            Assert.Equal(history.Select(m => m.SentAt).Order(), history.Select(m => m.SentAt));
            Assert.All(history, m => Assert.InRange(m.SentAt, thread.CreatedAt, seededBy));
            Assert.Equal((history.Count, last.SentAt, ChatInput.Preview(last.Body), last.SenderId),
                ((int)thread.LastSeq, thread.LastMessageAt, thread.LastMessagePreview, thread.LastMessageSenderId));
            Assert.All(thread.Members.Where(m => m.OwnerId != aliceId), m => Assert.Equal(thread.LastSeq, m.LastReadSeq));
        }
        var span = messages.SelectMany(m => m).Max(m => m.SentAt) - messages.SelectMany(m => m).Min(m => m.SentAt);
        Assert.True(span > TimeSpan.FromDays(3), $"The history spans {span}, not the past days.");
    }

    private static DemoSeeder Seeder(IServiceProvider services) => new(
        services.GetRequiredService<ChatDbContext>(),
        services.GetRequiredService<UserManager<ChatUser>>(),
        services.GetRequiredService<IDbContextFactory<ChatDbContext>>(),
        services.GetRequiredService<IMessageStore>(),
        new DemoOptions { Seed = true },
        TimeProvider.System,
        NullLoggerFactory.Instance);

    /// <summary>The app with Demo:Seed=true, on a fresh file or on the file of another factory.</summary>
    private sealed class DemoFactory(string? databasePath = null) : ChatWebFactory
    {
        public async Task<ChatDbContext> OpenDbAsync() =>
            await Services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync(Ct);

        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("Demo:Seed", "true");
            if (databasePath is not null)
            {
                builder.UseSetting($"ConnectionStrings:{DatabaseRegistration.ConnectionStringName}", $"Data Source={databasePath}");
            }
        }
    }
}
