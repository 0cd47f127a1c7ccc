using System.Text.Json;
using System.Text.Json.Serialization;
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

    public static void Configure(JsonSerializerOptions options) => options.Converters.Add(new JsonStringEnumConverter());

    private static JsonSerializerOptions CreateShared()
    {
        // SignalR's own defaults for the JSON protocol, then the hub's converter.
        var options = new JsonSerializerOptions(new JsonHubProtocolOptions().PayloadSerializerOptions);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
