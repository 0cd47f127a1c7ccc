using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Messages;

/// <summary>
/// The send path tells a listening profiler how long each batch held the writer and each flush the
/// disk (provider <c>ChatWeb-SendPath</c>): the evidence the bench lays beside its stalls.
/// </summary>
public sealed class SendPathEventsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_WhileAListenerIsOn_ReportsItsBatchAndTheFlushThatAnsweredIt()
    {
        await using var store = await DomainTestDatabase.CreateAsync(Ct);
        var people = await store.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var thread = await store.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);
        using var listener = new SendPathListener();

        await store.SendAsync(people[0], thread.Id, "timed", Ct);

        // The flush is reported before the flusher answers the sender; the batch once the writer's
        // call returns, which may be just after. Other tests send in the same process meanwhile,
        // so the events are looked for among theirs.
        Assert.Contains(listener.Events, e => e.EventName == "Flushed" && (int)e.Payload![0]! >= 1 && (double)e.Payload[1]! >= 0);
        Assert.True(await listener.SeenAsync(e => e.EventName == "BatchStored" && (int)e.Payload![0]! >= 1 && (double)e.Payload[1]! >= 0),
            "No BatchStored event within 10 s of the send's answer.");
    }

    private sealed class SendPathListener : EventListener
    {
        public ConcurrentQueue<EventWrittenEventArgs> Events { get; } = new();

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "ChatWeb-SendPath")
            {
                EnableEvents(source, EventLevel.Informational);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e) => Events.Enqueue(e);

        public async Task<bool> SeenAsync(Func<EventWrittenEventArgs, bool> match)
        {
            for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(10); waited += TimeSpan.FromMilliseconds(20))
            {
                if (Events.Any(match))
                {
                    return true;
                }
                await Task.Delay(20, Ct);
            }
            return Events.Any(match);
        }
    }
}
