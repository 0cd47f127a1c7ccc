namespace ChatWeb.Hosting;

/// <summary>
/// Which node answered. Behind a load balancer every response names the node that served it
/// (<see cref="HeaderName"/>), so an operator, or a test, can see where a browser is pinned.
/// The name comes from <c>Node:Name</c> and defaults to the machine name (the container's id in
/// Docker): it says which node, nothing a visitor could not learn from the balancer anyway.
/// </summary>
internal sealed class NodeIdentity(string name)
{
    public const string NameSetting = "Node:Name";
    public const string HeaderName = "X-ChatWeb-Node";

    public string Name { get; } = name;

    public static NodeIdentity From(IConfiguration configuration) =>
        new(configuration[NameSetting] is { Length: > 0 } configured ? configured.Trim() : Environment.MachineName);
}
