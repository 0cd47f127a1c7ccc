namespace ChatWeb.Scaling;

/// <summary>How shared presence notices a node that died (<c>Presence:*</c> settings).</summary>
public sealed class RedisPresenceOptions
{
    public const string SectionName = "Presence";

    /// <summary>
    /// A node that has not renewed its heartbeat for this long is taken for dead: the other nodes
    /// drop its connections and announce its people offline. Each node beats every third of it and
    /// sweeps as often, so a dead node's people are announced within about 4/3 of it (20 s by
    /// default). Shorter notices sooner but risks taking a node that stalled for a few seconds
    /// (a long pause, a slow Redis) for dead; its people then flicker offline and back.
    /// Every node should use the same value.
    /// </summary>
    public TimeSpan NodeTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The node's name in Redis, before a suffix that is new on every start.</summary>
    public string NodeName { get; set; } = Environment.MachineName;

    public TimeSpan BeatInterval => NodeTimeout / 3;
}
