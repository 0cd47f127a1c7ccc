namespace ChatWeb.Demo;

/// <summary>
/// The time the demo's history happens at: the seeder sets it before each step, so the domain
/// services stamp a message sent "three days ago" as three days ago, through their usual path.
/// </summary>
internal sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
