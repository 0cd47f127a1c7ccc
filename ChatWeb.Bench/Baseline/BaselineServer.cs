using System.Text.Json.Serialization;

namespace ChatWeb.Bench.Baseline;

/// <summary>
/// The relay host: the same Kestrel, SignalR JSON protocol options and message size limit as the
/// chat server, so the only difference measured is what the chat server does per message.
/// </summary>
internal static class BaselineServer
{
    /// <summary>The chat server's limit (RealtimeRegistration.MaximumReceiveMessageSize).</summary>
    private const long MaximumReceiveMessageSize = 64 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = MaximumReceiveMessageSize)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        var app = builder.Build();
        app.MapGet("/healthz", () => "Healthy");
        app.MapHub<RelayHub>(RelayHub.Path);
        await app.RunAsync();
        return 0;
    }
}
