using System.Collections.Concurrent;
using ChatWeb.Domain.Chat;
using ChatWeb.Realtime;
using ChatWeb.Scaling;
using Microsoft.AspNetCore.SignalR;

namespace ChatWeb.Hubs;

/// <summary>
/// "Ann is typing…": relayed to the thread's other members at most once per interval per person
/// per thread, never stored. Extra calls inside the interval are dropped silently, and so is a
/// notice that cannot reach other nodes while Redis is away (that outage is logged once).
/// </summary>
public sealed class TypingRelay(
    ConversationService conversations, IHubContext<ChatHub, IChatClient> hub, BackplaneStatus backplane, TimeProvider clock, ILogger<TypingRelay> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<(string UserId, Guid ThreadId), long> lastRelayed = new();

    public async Task RelayAsync(string userId, Guid threadId, CancellationToken ct)
    {
        var now = clock.GetTimestamp();
        var key = (userId, threadId);
        if (lastRelayed.TryGetValue(key, out var last) && clock.GetElapsedTime(last, now) < Interval)
        {
            return;
        }
        lastRelayed[key] = now;
        ForgetStale(now);

        var audience = await conversations.GetAudienceAsync(userId, threadId, ct);
        var notice = new TypingNotice(threadId, audience.Self.UserName, audience.Self.DisplayName);
        try
        {
            await hub.Clients.Groups(UserGroups.For(audience.OtherMemberIds)).Typing(notice);
        }
        catch (Exception ex) when (backplane.Explains(ex))
        {
            logger.LogDebug(ex, "Typing notice dropped while Redis is unreachable.");
        }
    }

    // Bounded memory: entries older than a few intervals can never throttle anything again.
    private void ForgetStale(long now)
    {
        if (lastRelayed.Count < 10_000)
        {
            return;
        }
        foreach (var entry in lastRelayed)
        {
            if (clock.GetElapsedTime(entry.Value, now) > Interval * 5)
            {
                lastRelayed.TryRemove(entry);
            }
        }
    }
}
