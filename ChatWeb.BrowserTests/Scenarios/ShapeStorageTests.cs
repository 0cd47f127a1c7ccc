using System.Net.Http.Json;
using ChatWeb.BrowserTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace ChatWeb.BrowserTests.Scenarios;

/// <summary>
/// Two node processes writing one SQLite file: each has its own group-commit writer, commit
/// flusher and checkpointer, and they take SQLite's write lock in turns.
/// </summary>
[Collection(ProductionShapeCollection.Name)]
public sealed class ShapeStorageTests(ProductionShape shape)
{
    private const int SendersPerNode = 10;

    /// <summary>Within the hub's burst allowance (40), so no send is refused as too fast.</summary>
    private const int MessagesPerSender = 30;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Stored(Guid Id, long Seq, string ClientMessageId);

    private sealed record ThreadRef(Guid Id);

    private sealed record TokenAnswer(string AccessToken);

    [Fact]
    public async Task TwoNodesOneSqliteFile_PeopleOnBothSendingIntoOneGroupAtOnce_EveryAcknowledgedMessageStoredOnceWithoutGaps()
    {
        await shape.RestoreAsync();
        var people = await Task.WhenAll(Enumerable.Range(0, 2 * SendersPerNode).Select(i => ConnectAsync(node: i % 2)));
        try
        {
            var group = await people[0].Connection.InvokeAsync<ThreadRef>("CreateGroup", "Both nodes", people.Skip(1).Select(p => p.Email).ToList(), Ct);

            // Every send at once: both nodes' writers contend for the file throughout.
            var acknowledged = await Task.WhenAll(people.SelectMany(p => Enumerable.Range(0, MessagesPerSender).Select(i =>
                p.Connection.InvokeAsync<Stored>("SendMessage", group.Id.ToString(), $"{p.Email}-{i}", $"message {i} from {p.Email}", Ct))));
            var stored = await ReadAllAsync(people[1].Connection, group.Id);

            var total = people.Length * MessagesPerSender;
            Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), acknowledged.Select(a => a.Seq).Order());
            Assert.Equal(acknowledged.OrderBy(a => a.Seq), stored);
        }
        finally
        {
            foreach (var person in people)
            {
                await person.Connection.DisposeAsync();
            }
        }
    }

    private static async Task<List<Stored>> ReadAllAsync(HubConnection connection, Guid threadId)
    {
        var stored = new List<Stored>();
        while (true)
        {
            var page = await connection.InvokeAsync<List<Stored>>("GetMessagesAfter", threadId.ToString(), stored.Count == 0 ? 0L : stored[^1].Seq, 100, Ct);
            if (page.Count == 0)
            {
                return stored;
            }
            stored.AddRange(page);
        }
    }

    /// <summary>A new person who signs in through the token API of one node and connects to that node's hub, as a script would.</summary>
    private async Task<(string Email, HubConnection Connection)> ConnectAsync(int node)
    {
        var email = $"both-{Guid.NewGuid():N}@corp.example";
        var baseUrl = shape.Node(node).DirectUrl;
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        (await http.PostAsJsonAsync("api/auth/register", new { email, password = Person.DefaultPassword }, Ct)).EnsureSuccessStatusCode();
        using var login = await http.PostAsJsonAsync("api/auth/login", new { email, password = Person.DefaultPassword }, Ct);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<TokenAnswer>(Ct))!.AccessToken;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "hubs/chat"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await connection.StartAsync(Ct);
        return (email, connection);
    }
}
