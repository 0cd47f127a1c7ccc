namespace ChatWeb.Scaling;

/// <summary>
/// The presence changes, each one Lua script so that two nodes racing cannot both decide "first"
/// or "last". Keys: a set of live connection ids per person, a hash of connection id → person per
/// node, and one sorted set of nodes scored by when their heartbeat runs out (milliseconds).
/// </summary>
internal static class RedisPresenceScripts
{
    /// <summary>
    /// Adds a connection; returns how many the person had before. A node missing from the node set
    /// (new, taken for dead while cut off, or Redis lost its data) is put back and flagged, so its
    /// next beat registers all of its connections again.
    /// KEYS: person, node's connections, nodes, node's rejoin flag. ARGV: connection, person, node, expires at.
    /// </summary>
    public const string Add = """
        local before = redis.call('SCARD', KEYS[1])
        redis.call('SADD', KEYS[1], ARGV[1])
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
        if not redis.call('ZSCORE', KEYS[3], ARGV[3]) then
            redis.call('ZADD', KEYS[3], ARGV[4], ARGV[3])
            redis.call('SET', KEYS[4], '1', 'PX', 3600000)
        end
        return before
        """;

    /// <summary>
    /// Removes a connection; returns 1 when it was the person's last. A connection that is gone
    /// already (its node was taken for dead and its people announced) returns 0: no second goodbye.
    /// KEYS: person, node's connections. ARGV: connection.
    /// </summary>
    public const string Remove = """
        redis.call('HDEL', KEYS[2], ARGV[1])
        if redis.call('SREM', KEYS[1], ARGV[1]) == 1 and redis.call('SCARD', KEYS[1]) == 0 then
            return 1
        end
        return 0
        """;

    /// <summary>
    /// Settles a departure this node saw while Redis was unreachable; returns 1 when the person has
    /// no connection left. Unlike <see cref="Remove"/> it answers so even when the connection was
    /// never written (Redis restarted empty meanwhile): nobody could have been told they left.
    /// KEYS: person, node's connections. ARGV: connection.
    /// </summary>
    public const string SettleDeparture = """
        redis.call('HDEL', KEYS[2], ARGV[1])
        redis.call('SREM', KEYS[1], ARGV[1])
        if redis.call('SCARD', KEYS[1]) == 0 then
            return 1
        end
        return 0
        """;

    /// <summary>
    /// Renews the node's heartbeat. Returns 1 when the node must register its connections again:
    /// it was missing from the node set, or flagged by <see cref="Add"/>.
    /// KEYS: nodes, node's rejoin flag. ARGV: node, expires at.
    /// </summary>
    public const string Beat = """
        local registered = redis.call('ZSCORE', KEYS[1], ARGV[1])
        redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
        local flagged = redis.call('DEL', KEYS[2])
        if registered and flagged == 0 then
            return 0
        end
        return 1
        """;

    /// <summary>
    /// Registers again one person's connections on this node; returns 1 when they had none left
    /// anywhere (another node took them for gone, or Redis lost its data).
    /// KEYS: person, node's connections. ARGV: person, connections...
    /// </summary>
    public const string Rejoin = """
        local before = redis.call('SCARD', KEYS[1])
        for i = 2, #ARGV do
            redis.call('SADD', KEYS[1], ARGV[i])
            redis.call('HSET', KEYS[2], ARGV[i], ARGV[1])
        end
        if before == 0 then
            return 1
        end
        return 0
        """;

    /// <summary>
    /// Claims a node whose heartbeat ran out: removes it and all of its connections, and returns
    /// when its heartbeat ran out with the people who have no connection left anywhere. Only one
    /// caller can claim a node. The people's keys are built from ARGV[3] (a prefix), so the
    /// script runs on a single Redis server, not across a cluster's slots.
    /// KEYS: nodes, dead node's connections. ARGV: node, now, person key prefix.
    /// </summary>
    public const string Claim = """
        local expired = redis.call('ZSCORE', KEYS[1], ARGV[1])
        if not expired or tonumber(expired) > tonumber(ARGV[2]) then
            return false
        end
        redis.call('ZREM', KEYS[1], ARGV[1])
        local entries = redis.call('HGETALL', KEYS[2])
        redis.call('DEL', KEYS[2])
        local gone = {}
        for i = 1, #entries, 2 do
            local person = ARGV[3] .. entries[i + 1]
            if redis.call('SREM', person, entries[i]) == 1 and redis.call('SCARD', person) == 0 then
                table.insert(gone, entries[i + 1])
            end
        end
        return { expired, gone }
        """;
}
