using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Presence;
using ChatWeb.Realtime;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

/// <summary>One device of one person: a real SignalR client on the test server that records every event it hears.</summary>
internal sealed class HubTestClient : IAsyncDisposable
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Type, Channel<object>> events = new();

    private HubTestClient(string userName, HubConnection connection)
    {
        UserName = userName;
        Connection = connection;
        Connection.On<ChatMessage>("MessageReceived", Record);
        Connection.On<ChatMessage>("MessageChanged", message => Record(new MessageChangedNotice(message)));
        Connection.On<ReadUpTo>("ReadUpTo", Record);
        Connection.On<ThreadSummary>("ThreadUpdated", Record);
        Connection.On<Guid>("ThreadRemoved", id => Record(new ThreadRemovedNotice(id)));
        Connection.On<PresenceView>("PresenceChanged", Record);
        Connection.On<TypingNotice>("Typing", Record);
        Connection.On("ContactsChanged", () => Record(new ContactsChangedNotice()));
    }

    public string UserName { get; }

    public HubConnection Connection { get; }

    /// <summary>Connects as the person with a bearer token from the token API.</summary>
    /// <param name="query">Connection options, as the hub URL's query string (no leading "?").</param>
    public static async Task<HubTestClient> ConnectAsync(ChatWebFactory factory, string userName, string? query = null)
    {
        var connection = await BuildAsync(factory, userName, query);
        var client = new HubTestClient(userName, connection);
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return client;
    }

    /// <summary>A connection as the person, not started yet.</summary>
    public static async Task<HubConnection> BuildAsync(ChatWebFactory factory, string userName, string? query = null)
    {
        var token = await factory.GetBearerTokenAsync(userName);
        var url = new Uri(factory.Server.BaseAddress, query is null ? "hubs/chat" : $"hubs/chat?{query}");
        return new HubConnectionBuilder()
            .WithUrl(url, o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddJsonProtocol(o => RealtimeJson.Configure(o.PayloadSerializerOptions))
            .Build();
    }

    public Task<T> InvokeAsync<T>(string method, params object?[] args) =>
        Connection.InvokeCoreAsync<T>(method, args, TestContext.Current.CancellationToken);

    public Task InvokeAsync(string method, params object?[] args) =>
        Connection.InvokeCoreAsync(method, args, TestContext.Current.CancellationToken);

    /// <summary>The next event of this type, waiting up to 10 s.</summary>
    public async Task<T> NextAsync<T>(Func<T, bool>? where = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(EventTimeout);
        var channel = ChannelFor(typeof(T));
        try
        {
            while (true)
            {
                var item = (T)await channel.Reader.ReadAsync(timeout.Token);
                if (where is null || where(item))
                {
                    return item;
                }
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{UserName} heard no {typeof(T).Name} within {EventTimeout.TotalSeconds} s.");
        }
    }

    /// <summary>Every event of this type up to and including the first that matches <paramref name="last"/>.</summary>
    public async Task<List<T>> CollectUntilAsync<T>(Func<T, bool> last)
    {
        var collected = new List<T>();
        while (true)
        {
            var item = await NextAsync<T>();
            collected.Add(item);
            if (last(item))
            {
                return collected;
            }
        }
    }

    /// <summary>Every event of this type heard so far, without waiting.</summary>
    public List<T> Drain<T>()
    {
        var list = new List<T>();
        var reader = ChannelFor(typeof(T)).Reader;
        while (reader.TryRead(out var item))
        {
            list.Add((T)item);
        }
        return list;
    }

    private Channel<object> ChannelFor(Type type) => events.GetOrAdd(type, _ => Channel.CreateUnbounded<object>());

    private void Record<T>(T item) where T : notnull => ChannelFor(typeof(T)).Writer.TryWrite(item);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
