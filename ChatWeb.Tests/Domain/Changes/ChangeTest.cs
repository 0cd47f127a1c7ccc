using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Tests.Domain.Changes;

/// <summary>A group of three (Ann owns it) and a direct thread between Ann and Bob, for the tests of changes to messages.</summary>
public abstract class ChangeTest : DomainTest
{
    protected async Task<(TestUser Ann, TestUser Bob, TestUser Cy, Guid Group)> GroupAsync()
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null), ("Cy", null)], Ct);
        var group = await Db.Conversations.CreateGroupAsync(people[0].Id, "Team", [people[1].UserName, people[2].UserName], Ct);
        Db.Notifier.Clear();
        return (people[0], people[1], people[2], group.Id);
    }

    protected async Task<(TestUser Ann, TestUser Bob, Guid Thread)> DirectAsync()
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var thread = await Db.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);
        Db.Notifier.Clear();
        return (people[0], people[1], thread.Id);
    }

    /// <summary>The message's row as stored, read past every service.</summary>
    protected async Task<Message> RowAsync(Guid messageId)
    {
        await using var db = await Db.OpenAsync(Ct);
        return await db.Messages.AsNoTracking().SingleAsync(m => m.Id == messageId, Ct);
    }

    protected async Task<ChatThread> ThreadRowAsync(Guid threadId)
    {
        await using var db = await Db.OpenAsync(Ct);
        return await db.Threads.AsNoTracking().SingleAsync(t => t.Id == threadId, Ct);
    }

    protected static async Task<List<long>> VersionsAsync(ChatDbContext db, Guid threadId) =>
        await db.Messages.Where(m => m.ThreadId == threadId).OrderBy(m => m.Version).Select(m => m.Version).ToListAsync();
}
