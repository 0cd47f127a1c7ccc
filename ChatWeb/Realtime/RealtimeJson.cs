using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.SignalR;

namespace ChatWeb.Realtime;

/// <summary>The hub's JSON: camelCase (SignalR's default) with enums as names ("Direct", "Group").</summary>
public static class RealtimeJson
{
    /// <summary>
    /// One instance for every circuit's hub connection. Each JsonSerializerOptions builds its own
    /// cache of type metadata (with generated accessors) on first use; options made per connection
    /// cost each signed-in page about 50 KB of heap for that cache alone (docs/performance.md,
    /// "Browser users"). The instance is read-only once used, so sharing it is safe.
    /// </summary>
    public static JsonSerializerOptions Shared { get; } = CreateShared();

    /// <summary>
    /// SignalR's options with the generated metadata first (<see cref="RealtimeJsonContext"/>) and
    /// reflection behind it. The generated code writes a payload directly only when the options ask
    /// for nothing it was not generated with: so no converter in the options (the enums carry theirs)
    /// and no encoder. The encoder never reached a frame anyway: the hub protocol serializes into a
    /// writer of its own, whose escaping decides the text (RealtimeJsonTests compares the frames).
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.Encoder = null;
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(
            RealtimeJsonContext.Default, options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver());
    }

    private static JsonSerializerOptions CreateShared()
    {
        var options = new JsonSerializerOptions(new JsonHubProtocolOptions().PayloadSerializerOptions);
        Configure(options);
        options.MakeReadOnly();
        return options;
    }
}
