using System.Collections.Concurrent;
using System.Security.Cryptography;
using ChatWeb.Domain.Presence;
using StackExchange.Redis;

namespace ChatWeb.Scaling;

/// <summary>
/// Presence shared by every node. Each person has a set of their live connection ids; each node
/// keeps a heartbeat in Redis and a list of the connections it holds. A node that dies without
/// goodbyes stops beating; within <see cref="RedisPresenceOptions.NodeTimeout"/> and a sweep the
/// others claim it (<see cref="TakeLapsedAsync"/>), drop its connections and announce the people
/// left with none. The cost is one small write per node per beat, whatever the number of people:
/// renewing every connection instead would cost one write per person per beat.
/// While Redis cannot be reached, arrivals and departures are kept here and settled by the next
/// beat that reaches it (<see cref="BeatAsync"/>), so the hub keeps accepting connections.
/// </summary>
public sealed class RedisPresenceTracker : IPresenceTracker
{
    private const string Prefix = "chatweb:presence:";
    private const string PersonPrefix = Prefix + "person:";
    private static readonly RedisKey Nodes = Prefix + "nodes";

    private readonly IConnectionMultiplexer redis;
    private readonly TimeProvider clock;
    private readonly RedisKey nodeConnections;
    private readonly RedisKey rejoinFlag;

    // Connection id → person, for every connection this node holds.
    private readonly ConcurrentDictionary<string, string> localConnections = new();

    // Departures Redis has not heard of yet (by connection id), and the people they left with no
    // connection anywhere, once settled: handed to the next sweep to announce.
    private readonly ConcurrentDictionary<string, LapsedUser> departuresOwed = new();
    private readonly ConcurrentQueue<LapsedUser> goneWhileCutOff = new();
    private volatile bool cutOff;

    public RedisPresenceTracker(IConnectionMultiplexer redis, TimeProvider clock, RedisPresenceOptions options)
    {
        this.redis = redis;
        this.clock = clock;
        NodeTimeout = options.NodeTimeout;
        // New on every start: a restarted node must not take the connections of its previous life for its own.
        NodeId = $"{options.NodeName}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        nodeConnections = $"{Prefix}node:{NodeId}";
        rejoinFlag = $"{Prefix}rejoin:{NodeId}";
    }

    public string NodeId { get; }

    public TimeSpan NodeTimeout { get; }

    private IDatabase Db => redis.GetDatabase();

    public async Task<bool> ConnectedAsync(string userId, string connectionId)
    {
        localConnections[connectionId] = userId;
        try
        {
            var before = await Db.ScriptEvaluateAsync(RedisPresenceScripts.Add,
                [PersonKey(userId), nodeConnections, Nodes, rejoinFlag], [connectionId, userId, NodeId, ExpiresAt()]);
            return (long)before == 0;
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            // Registered by the next beat that reaches Redis, and announced then if it brought them online.
            cutOff = true;
            return false;
        }
    }

    public async Task<bool> DisconnectedAsync(string userId, string connectionId)
    {
        localConnections.TryRemove(connectionId, out _);
        try
        {
            return (long)await Db.ScriptEvaluateAsync(RedisPresenceScripts.Remove, [PersonKey(userId), nodeConnections], [connectionId]) == 1;
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            departuresOwed[connectionId] = new LapsedUser(userId, clock.GetUtcNow().UtcDateTime);
            cutOff = true;
            return false;
        }
    }

    /// <summary>While Redis cannot be reached, the people connected to this node are all this node can vouch for.</summary>
    public async Task<IReadOnlySet<string>> OnlineAmongAsync(IReadOnlyCollection<string> userIds)
    {
        try
        {
            var db = Db;
            var counts = userIds.Select(id => (Id: id, Count: db.SetLengthAsync(PersonKey(id)))).ToList();
            await Task.WhenAll(counts.Select(c => c.Count));
            return counts.Where(c => c.Count.Result > 0).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            cutOff = true;
            var here = localConnections.Values.ToHashSet(StringComparer.Ordinal);
            return userIds.Where(here.Contains).ToHashSet(StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// The people of every node whose heartbeat ran out (each claimed by one caller, once), with
    /// when their node last vouched for them; and the people this node saw leave while it could
    /// not reach Redis, once that is settled. Never this node itself: it rejoins at its next beat.
    /// </summary>
    public async Task<IReadOnlyList<LapsedUser>> TakeLapsedAsync()
    {
        var now = NowMs();
        var db = Db;
        var due = await db.SortedSetRangeByScoreAsync(Nodes, double.NegativeInfinity, now);
        var claims = due.Select(n => (string)n!).Where(node => node != NodeId)
            .Select(node => db.ScriptEvaluateAsync(RedisPresenceScripts.Claim, [Nodes, $"{Prefix}node:{node}"], [node, now, PersonPrefix]))
            .ToList();
        await Task.WhenAll(claims);

        var lapsed = new List<LapsedUser>();
        foreach (var claim in claims.Where(c => !c.Result.IsNull))
        {
            var parts = (RedisResult[])claim.Result!;
            // The heartbeat runs out a timeout after the node's last beat: its last word on its people.
            var lastVouched = DateTimeOffset.FromUnixTimeMilliseconds((long)(double)parts[0]).UtcDateTime - NodeTimeout;
            lapsed.AddRange(((RedisResult[])parts[1]!).Select(person => new LapsedUser((string)person!, lastVouched)));
        }
        while (goneWhileCutOff.TryDequeue(out var gone))
        {
            lapsed.Add(gone);
        }
        return lapsed;
    }

    /// <summary>
    /// Renews this node's heartbeat; called every <see cref="RedisPresenceOptions.BeatInterval"/>.
    /// After this node was cut off from Redis (taken for dead by the others, or Redis restarted
    /// empty, or an arrival or departure could not be written), settles what Redis missed and
    /// registers every connection again. Returns the people connected here who had meanwhile been
    /// dropped from Redis: they were (or would be) taken for offline, and never left.
    /// </summary>
    public async Task<IReadOnlyList<string>> BeatAsync()
    {
        var mustRejoin = (long)await Db.ScriptEvaluateAsync(RedisPresenceScripts.Beat, [Nodes, rejoinFlag], [NodeId, ExpiresAt()]) == 1;
        if (!mustRejoin && !cutOff)
        {
            return [];
        }
        cutOff = false;
        try
        {
            await SettleDeparturesAsync();
            return await RejoinAsync();
        }
        catch
        {
            cutOff = true;
            throw;
        }
    }

    private async Task SettleDeparturesAsync()
    {
        foreach (var (connectionId, departure) in departuresOwed.ToArray())
        {
            var wasLast = (long)await Db.ScriptEvaluateAsync(RedisPresenceScripts.SettleDeparture, [PersonKey(departure.UserId), nodeConnections], [connectionId]) == 1;
            if (wasLast)
            {
                goneWhileCutOff.Enqueue(departure);
            }
            departuresOwed.TryRemove(connectionId, out _);
        }
    }

    private async Task<IReadOnlyList<string>> RejoinAsync()
    {
        var db = Db;
        // One script per person, sent together: the client pipelines them in a round trip or two.
        var rejoins = localConnections.GroupBy(c => c.Value, c => c.Key)
            .Select(person => (UserId: person.Key, WasGone: db.ScriptEvaluateAsync(RedisPresenceScripts.Rejoin,
                [PersonKey(person.Key), nodeConnections], [person.Key, .. person.Select(connectionId => (RedisValue)connectionId)])))
            .ToList();
        await Task.WhenAll(rejoins.Select(r => r.WasGone));
        // Someone whose last device left here meanwhile is not back: their goodbye was announced.
        var stillHere = localConnections.Values.ToHashSet(StringComparer.Ordinal);
        return rejoins.Where(r => (long)r.WasGone.Result == 1 && stillHere.Contains(r.UserId)).Select(r => r.UserId).ToList();
    }

    private static bool IsOutage(Exception ex) => ex is RedisConnectionException or RedisTimeoutException;

    private long NowMs() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private long ExpiresAt() => NowMs() + (long)NodeTimeout.TotalMilliseconds;

    private static RedisKey PersonKey(string userId) => PersonPrefix + userId;
}
