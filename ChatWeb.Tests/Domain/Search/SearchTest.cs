using ChatWeb.Domain.Search;
using ChatWeb.Tests.Domain.Infrastructure;

namespace ChatWeb.Tests.Domain.Search;

/// <summary>A group of three (Ann owns it), Ann and Bob's direct thread, and Dan, who shares nothing with Ann.</summary>
public abstract class SearchTest : DomainTest
{
    protected async Task<(TestUser Ann, TestUser Bob, TestUser Cy, TestUser Dan, Guid Group, Guid Direct)> PeopleAsync()
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null), ("Cy", null), ("Dan", null)], Ct);
        var group = await Db.Conversations.CreateGroupAsync(people[0].Id, "Team", [people[1].UserName, people[2].UserName], Ct);
        var direct = await Db.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);
        return (people[0], people[1], people[2], people[3], group.Id, direct.Id);
    }

    protected Task<SearchPage> SearchAsync(TestUser who, string query, Guid? threadId = null, string? before = null) =>
        Db.Search.SearchAsync(who.Id, query, threadId, before, Ct);

    protected static List<string> Bodies(SearchPage page) => page.Hits.Select(h => h.Message.Body).ToList();

    /// <summary>Each highlighted part of each snippet, as the client would cut it out.</summary>
    protected static List<string> Highlighted(SearchHit hit) => hit.Ranges.Select(r => hit.Snippet.Substring(r[0], r[1])).ToList();
}
