using System.Collections.Concurrent;
using ChatWeb.Domain.Presence;
using StackExchange.Redis;

namespace ChatWeb.Scaling;

/// <summary>
/// Presence shared by every node. Each user has a sorted set of their live connection ids, scored
/// by when the entry expires; nodes keep their own entries fresh (<see cref="RedisPresenceHeartbeat"/>),
/// so the connections of a node that died without a goodbye drop out after <see cref="EntryLifetime"/>.
/// Each change is one Lua script, so two nodes racing cannot both decide "first" or "last".
/// </summary>
public sealed class RedisPresenceTracker(IConnectionMultiplexer redis, TimeProvider clock) : IPresenceTracker
{
    public static readonly TimeSpan EntryLifetime = TimeSpan.FromSeconds(90);

    // Adds or removes one connection, prunes expired ones, and returns the live count before and after.
    private const string ChangeScript = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
        local before = redis.call('ZCARD', KEYS[1])
        if ARGV[3] == 'add' then
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
        else
            redis.call('ZREM', KEYS[1], ARGV[4])
        end
        return { before, redis.call('ZCARD', KEYS[1]) }
        """;

    private readonly ConcurrentDictionary<string, string> localConnections = new();

    public async Task<bool> ConnectedAsync(string userId, string connectionId)
    {
        localConnections[connectionId] = userId;
        var (before, after) = await ChangeAsync(userId, connectionId, "add");
        return before == 0 && after > 0;
    }

    public async Task<bool> DisconnectedAsync(string userId, string connectionId)
    {
        localConnections.TryRemove(connectionId, out _);
        var (before, after) = await ChangeAsync(userId, connectionId, "remove");
        return before > 0 && after == 0;
    }

    public async Task<IReadOnlySet<string>> OnlineAmongAsync(IReadOnlyCollection<string> userIds)
    {
        var now = NowMs();
        var db = redis.GetDatabase();
        var counts = userIds.Select(id => (Id: id, Count: db.SortedSetLengthAsync(Key(id), now, double.PositiveInfinity, Exclude.Start))).ToList();
        await Task.WhenAll(counts.Select(c => c.Count));
        return counts.Where(c => c.Count.Result > 0).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Pushes this node's connections' expiry forward; called well within <see cref="EntryLifetime"/>.</summary>
    public async Task RefreshLocalConnectionsAsync()
    {
        var expires = NowMs() + EntryLifetime.TotalMilliseconds;
        var db = redis.GetDatabase();
        var batch = db.CreateBatch();
        var writes = localConnections
            .Select(c => batch.SortedSetAddAsync(Key(c.Value), c.Key, expires))
            .Concat(localConnections.Values.Distinct().Select(userId => batch.KeyExpireAsync(Key(userId), EntryLifetime)))
            .ToList();
        batch.Execute();
        await Task.WhenAll(writes);
    }

    private async Task<(long Before, long After)> ChangeAsync(string userId, string connectionId, string operation)
    {
        var now = NowMs();
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            ChangeScript,
            [Key(userId)],
            [now, now + EntryLifetime.TotalMilliseconds, operation, connectionId, (long)EntryLifetime.TotalMilliseconds]))!;
        return ((long)result[0], (long)result[1]);
    }

    private double NowMs() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static RedisKey Key(string userId) => $"chatweb:presence:{userId}";
}
