using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatWeb.Realtime;

/// <summary>The hub's JSON: camelCase (SignalR's default) with enums as names ("Direct", "Group").</summary>
public static class RealtimeJson
{
    public static void Configure(JsonSerializerOptions options) => options.Converters.Add(new JsonStringEnumConverter());
}
