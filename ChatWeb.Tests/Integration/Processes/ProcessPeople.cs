using System.Net.Http.Json;
using ChatWeb.Realtime;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Integration.Processes;

/// <summary>People registered through the token API of a server process, and their hub connections to it.</summary>
internal static class ProcessPeople
{
    /// <summary>Registers and signs in each person; the tokens outlive restarts, since the keys live in the database.</summary>
    public static async Task<Dictionary<string, string>> RegisterAsync(Uri server, int count)
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = new HttpClient { BaseAddress = server };
        var tokens = new Dictionary<string, string>();
        for (var i = 0; i < count; i++)
        {
            var email = TestUsers.UniqueEmail();
            (await api.PostAsJsonAsync("api/auth/register", new { email, password = TestUsers.Password }, ct)).EnsureSuccessStatusCode();
            using var login = await api.PostAsJsonAsync("api/auth/login", new { email, password = TestUsers.Password }, ct);
            login.EnsureSuccessStatusCode();
            tokens[email] = (await login.Content.ReadFromJsonAsync<AccessTokenResponse>(ct))!.AccessToken;
        }
        return tokens;
    }

    /// <summary>A started hub connection over WebSockets, as a script or an app would open it.</summary>
    public static async Task<HubConnection> ConnectAsync(Uri server, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "hubs/chat"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddJsonProtocol(o => RealtimeJson.Configure(o.PayloadSerializerOptions))
            .Build();
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
