using ChatWeb.Domain.Data.Sqlite;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ChatWeb.Tests.Domain.Search;

/// <summary>
/// FTS5's own merging ran inside whichever commit tipped a level over and held that batch's
/// senders; the writer turns it off and merges a bounded share in every batch instead, which must
/// keep the index compact and every message findable.
/// </summary>
public sealed class SearchIndexMergeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ManyBatches_WithAutomaticMergingOff_KeepTheIndexInAFewSegments_AndEveryMessageFindable()
    {
        await using var store = await DomainTestDatabase.CreateAsync(Ct);
        var people = await store.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var thread = await store.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);

        // One at a time, so each send is a batch (and a transaction, and a segment) of its own.
        for (var i = 0; i < 60; i++)
        {
            await store.SendAsync(people[0], thread.Id, $"weekly report falcon{i}", Ct);
        }

        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync(Ct);
        Assert.Equal(0L, Convert.ToInt64(await ScalarAsync(connection, $"""SELECT v FROM "{SqliteSearchSyntax.Table}_config" WHERE k = 'automerge'""")));
        // Left alone with merging off, 60 segments would pile up to FTS5's crisis threshold (16 per level).
        var segments = Convert.ToInt64(await ScalarAsync(connection, $"""SELECT count(DISTINCT segid) FROM "{SqliteSearchSyntax.Table}_idx" """));
        Assert.InRange(segments, 1, 8);
        Assert.Single((await store.Search.SearchAsync(people[1].Id, "falcon7", null, null, Ct)).Hits);
        Assert.NotEmpty((await store.Search.SearchAsync(people[1].Id, "falcon59", null, null, Ct)).Hits);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }
}
