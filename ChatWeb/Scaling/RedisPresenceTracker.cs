using System.Collections.Concurrent;
using ChatWeb.Domain.Presence;
using StackExchange.Redis;

namespace ChatWeb.Scaling;

/// <summary>
/// Presence shared by every node. Each user has a sorted set of their live connection ids, scored
/// by when the entry expires; nodes keep their own entries fresh (<see cref="RedisPresenceHeartbeat"/>),
/// so the connections of a node that died without a goodbye drop out after <see cref="EntryLifetime"/>.
/// A second sorted set holds every online user, scored by when their last entry expires: the
/// surviving nodes sweep it for people who lapsed, so they are announced offline too.
/// Each change is one Lua script, so two nodes racing cannot both decide "first" or "last".
/// </summary>
public sealed class RedisPresenceTracker(IConnectionMultiplexer redis, TimeProvider clock) : IPresenceTracker
{
    public static readonly TimeSpan EntryLifetime = TimeSpan.FromSeconds(90);

    /// <summary>Users taken from the lapse index per sweep; the rest wait for the next one.</summary>
    private const int SweepLimit = 1_000;

    // Adds or removes one connection, prunes expired ones, keeps the user's place in the lapse
    // index, and returns the live count before and after.
    private const string ChangeScript = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
        local before = redis.call('ZCARD', KEYS[1])
        if ARGV[3] == 'add' then
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            redis.call('ZADD', KEYS[2], 'GT', ARGV[2], ARGV[6])
        else
            redis.call('ZREM', KEYS[1], ARGV[4])
        end
        local after = redis.call('ZCARD', KEYS[1])
        if after == 0 then
            redis.call('ZREM', KEYS[2], ARGV[6])
        end
        return { before, after }
        """;

    // Claims one user whose place in the lapse index has passed: if none of their connections is
    // live, removes them from the index (so no other node claims them) and returns when their
    // last entry expired; otherwise moves their place to their newest entry's expiry.
    private const string LapseScript = """
        local lapseAt = redis.call('ZSCORE', KEYS[2], ARGV[2])
        if not lapseAt or tonumber(lapseAt) > tonumber(ARGV[1]) then
            return false
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
        local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
        if #newest > 0 then
            redis.call('ZADD', KEYS[2], newest[2], ARGV[2])
            return false
        end
        redis.call('ZREM', KEYS[2], ARGV[2])
        return lapseAt
        """;

    // Renews one user's connections on this node and their place in the lapse index. Returns 1 when
    // they had no place there although this node still holds them: another node's sweep took them
    // as lapsed (this node was cut off from Redis for longer than an entry's lifetime).
    private const string RefreshScript = """
        for i = 4, #ARGV do
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[i])
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        local listed = redis.call('ZSCORE', KEYS[2], ARGV[3])
        redis.call('ZADD', KEYS[2], 'GT', ARGV[1], ARGV[3])
        if listed then
            return 0
        end
        return 1
        """;

    private static readonly RedisKey LapseIndex = "chatweb:presence:lapse-at";

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

    public async Task<IReadOnlyList<LapsedUser>> TakeLapsedAsync()
    {
        var now = NowMs();
        var db = redis.GetDatabase();
        var due = await db.SortedSetRangeByScoreAsync(LapseIndex, double.NegativeInfinity, now, take: SweepLimit);
        // One claim per person, sent together: the client pipelines them in a round trip or two.
        var claims = Array.ConvertAll(due, userId => (UserId: (string)userId!, LapseAt: db.ScriptEvaluateAsync(LapseScript, [Key(userId!), LapseIndex], [now, userId])));
        await Task.WhenAll(claims.Select(c => c.LapseAt));
        // An entry lapses a lifetime after the node last refreshed it: that is when the person was last seen.
        return [.. claims
            .Where(c => !c.LapseAt.Result.IsNull)
            .Select(c => new LapsedUser(c.UserId, (DateTimeOffset.FromUnixTimeMilliseconds((long)(double)c.LapseAt.Result) - EntryLifetime).UtcDateTime))];
    }

    /// <summary>
    /// Pushes this node's connections' expiry forward; called well within <see cref="EntryLifetime"/>.
    /// Returns the people connected here whom another node meanwhile took for lapsed and announced
    /// offline: this node was cut off from Redis for longer than an entry's lifetime, and they never left.
    /// </summary>
    public async Task<IReadOnlyList<string>> RefreshLocalConnectionsAsync()
    {
        var expires = NowMs() + EntryLifetime.TotalMilliseconds;
        var db = redis.GetDatabase();
        // One script per person, sent together: the client pipelines them in a round trip or two.
        var renewals = localConnections.GroupBy(c => c.Value, c => c.Key).Select(user => (UserId: user.Key, WasTaken: db.ScriptEvaluateAsync(
                RefreshScript,
                [Key(user.Key), LapseIndex],
                [expires, (long)EntryLifetime.TotalMilliseconds, user.Key, .. user.Select(connectionId => (RedisValue)connectionId)])))
            .ToList();
        await Task.WhenAll(renewals.Select(r => r.WasTaken));
        // Someone whose last device left here meanwhile is not back: their goodbye was announced.
        var stillHere = localConnections.Values.ToHashSet(StringComparer.Ordinal);
        return renewals.Where(r => (long)r.WasTaken.Result == 1 && stillHere.Contains(r.UserId)).Select(r => r.UserId).ToList();
    }

    private async Task<(long Before, long After)> ChangeAsync(string userId, string connectionId, string operation)
    {
        var now = NowMs();
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            ChangeScript,
            [Key(userId), LapseIndex],
            [now, now + EntryLifetime.TotalMilliseconds, operation, connectionId, (long)EntryLifetime.TotalMilliseconds, userId]))!;
        return ((long)result[0], (long)result[1]);
    }

    private double NowMs() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static RedisKey Key(string userId) => $"chatweb:presence:{userId}";
}
