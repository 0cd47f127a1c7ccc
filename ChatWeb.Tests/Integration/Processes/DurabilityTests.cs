using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace ChatWeb.Tests.Integration.Processes;

/// <summary>
/// The consistency protocol under kill -9: the published server takes concurrent sends (direct and
/// group) over real WebSocket hub connections, is killed at a random moment, and restarts on the same
/// SQLite file. Every acknowledged message must be stored exactly once, every thread's seqs gapless,
/// and every send the kill left unanswered, sent again with its client message id, stored once.
/// </summary>
public sealed class DurabilityTests : IDisposable
{
    private const int Cycles = 5;
    private const int People = 6;
    private const int SendersPerPerson = 3;

    private readonly ScratchFolder folder = new();
    private readonly SendLedger ledger = new();
    private readonly Dictionary<string, string> settings = new()
    {
        // The load is the point here, not the per-person allowance (tested on its own).
        ["Realtime__SendRateLimit__Burst"] = "100000",
        ["Realtime__SendRateLimit__PerSecond"] = "100000",
    };

    [Fact]
    public async Task Sends_ServerKilledAtRandomMoments_AcknowledgedStoredOnceAndUnansweredStoredOnceWhenSentAgain()
    {
        var database = folder.Combine("chat.db");
        var home = folder.Combine("home", folder: true);
        var server = await ChatWebProcess.StartAsync(database, home, settings);
        var tokens = await ProcessPeople.RegisterAsync(server.BaseUrl, People);
        var threadsOf = await CreateThreadsAsync(server.BaseUrl, tokens);
        var resent = 0;
        var storedBeforeTheirAnswer = 0;
        try
        {
            for (var cycle = 1; cycle <= Cycles; cycle++)
            {
                await DriveUntilKilledAsync(server, tokens, threadsOf, cycle);
                await server.DisposeAsync();

                server = await ChatWebProcess.StartAsync(database, home, settings);
                AssertEveryAcknowledgedStoredOnceAndGapless(database);
                var unanswered = ledger.TakeUnanswered();
                var before = StoredMessages.Read(database).Messages.Select(m => m.ClientMessageId).ToHashSet();
                storedBeforeTheirAnswer += unanswered.Count(s => before.Contains(s.ClientMessageId));
                await SendAgainAsync(server.BaseUrl, tokens, unanswered);
                resent += unanswered.Count;
                AssertEveryAcknowledgedStoredOnceAndGapless(database);
            }
        }
        finally
        {
            await server.DisposeAsync();
        }

        var stored = StoredMessages.Read(database).Messages;
        Assert.Equal(ledger.Acknowledged.Count, stored.Count);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Cycles} kills; {stored.Count} messages stored, each acknowledged once; {resent} sends left unanswered by a kill and sent again " +
            $"({storedBeforeTheirAnswer} of them had been stored before the kill); {stored.Select(m => m.ThreadId).Distinct().Count()} threads, seqs gapless.");
    }

    public void Dispose() => folder.Dispose();

    /// <summary>Three direct threads and two groups; returns each person's threads.</summary>
    private static async Task<Dictionary<string, List<Guid>>> CreateThreadsAsync(Uri server, Dictionary<string, string> tokens)
    {
        var people = tokens.Keys.ToList();
        var threadsOf = people.ToDictionary(p => p, _ => new List<Guid>());
        for (var pair = 0; pair < People; pair += 2)
        {
            await using var opener = await ProcessPeople.ConnectAsync(server, tokens[people[pair]]);
            var direct = await opener.InvokeAsync<ThreadSummary>("OpenDirect", people[pair + 1]);
            threadsOf[people[pair]].Add(direct.Id);
            threadsOf[people[pair + 1]].Add(direct.Id);
        }
        await using var creator = await ProcessPeople.ConnectAsync(server, tokens[people[0]]);
        var everyone = await creator.InvokeAsync<ThreadSummary>("CreateGroup", "Everyone", people.Skip(1).ToList());
        var some = await creator.InvokeAsync<ThreadSummary>("CreateGroup", "Some", new List<string> { people[2], people[4] });
        people.ForEach(p => threadsOf[p].Add(everyone.Id));
        new[] { people[0], people[2], people[4] }.ToList().ForEach(p => threadsOf[p].Add(some.Id));
        return threadsOf;
    }

    private async Task DriveUntilKilledAsync(ChatWebProcess server, Dictionary<string, string> tokens, Dictionary<string, List<Guid>> threadsOf, int cycle)
    {
        var connections = new List<HubConnection>();
        foreach (var token in tokens.Values)
        {
            connections.Add(await ProcessPeople.ConnectAsync(server.BaseUrl, token));
        }
        var senders = tokens.Keys.Zip(connections)
            .SelectMany(p => Enumerable.Range(0, SendersPerPerson).Select(n => SendUntilCutOffAsync(p.Second, p.First, threadsOf[p.First], $"{cycle}.{n}")))
            .ToList();

        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1_000, 3_500)), TestContext.Current.CancellationToken);
        await server.KillAsync();
        await Task.WhenAll(senders).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    private async Task SendUntilCutOffAsync(HubConnection connection, string sender, List<Guid> threads, string loop)
    {
        for (var n = 0; ; n++)
        {
            var send = new PlannedSend(sender, threads[Random.Shared.Next(threads.Count)], Guid.NewGuid().ToString(), $"loop {loop} #{n} 👋\nsecond line");
            ledger.LeaveUnanswered(send);
            try
            {
                ledger.Acknowledge(send, await connection.InvokeAsync<ChatMessage>("SendMessage", send.ThreadId.ToString(), send.ClientMessageId, send.Body));
            }
            catch (Exception)
            {
                // The server died under this send: it stays unanswered, to be sent again after the restart.
                return;
            }
        }
    }

    private async Task SendAgainAsync(Uri server, Dictionary<string, string> tokens, List<PlannedSend> unanswered)
    {
        foreach (var bySender in unanswered.GroupBy(s => s.Sender))
        {
            await using var connection = await ProcessPeople.ConnectAsync(server, tokens[bySender.Key]);
            foreach (var send in bySender)
            {
                var message = await connection.InvokeAsync<ChatMessage>("SendMessage", send.ThreadId.ToString(), send.ClientMessageId, send.Body);
                Assert.Equal(send.ThreadId, message.ThreadId);
                Assert.Equal(send.Body, message.Body);
                ledger.Acknowledge(send, message);
            }
        }
    }

    private void AssertEveryAcknowledgedStoredOnceAndGapless(string database)
    {
        var stored = StoredMessages.Read(database);
        var byClientId = stored.Messages.GroupBy(m => m.ClientMessageId).ToDictionary(g => g.Key, g => g.ToList());
        Assert.All(byClientId, entry => Assert.Single(entry.Value));
        foreach (var (clientMessageId, acknowledged) in ledger.Acknowledged)
        {
            Assert.True(byClientId.TryGetValue(clientMessageId, out var copies), $"Acknowledged message {clientMessageId} (seq {acknowledged.Seq}) was not stored.");
            var copy = Assert.Single(copies);
            Assert.Equal((acknowledged.Id, acknowledged.ThreadId, acknowledged.Seq), (copy.Id, copy.ThreadId, copy.Seq));
        }
        foreach (var thread in stored.Messages.GroupBy(m => m.ThreadId))
        {
            var seqs = thread.Select(m => m.Seq).Order().ToList();
            Assert.Equal(Enumerable.Range(1, seqs.Count).Select(s => (long)s), seqs);
            Assert.Equal(seqs.Count, stored.LastSeqByThread[thread.Key]);
        }
    }
}
