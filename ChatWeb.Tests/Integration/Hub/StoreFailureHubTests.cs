using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Infrastructure;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

/// <summary>
/// A send the database cannot take reaches a hub client as an error that says to send it again with
/// the same client message id, and that retry stores it exactly once.
/// </summary>
public sealed class StoreFailureHubTests(StoreFailureHubTests.FailingStoreFactory factory) : IClassFixture<StoreFailureHubTests.FailingStoreFactory>
{
    /// <summary>The real app, its message store failing every commit while <see cref="Failing"/> is set.</summary>
    public sealed class FailingStoreFactory : ChatWebFactory
    {
        private volatile bool failing;

        public bool Failing
        {
            get => failing;
            set => failing = value;
        }

        protected override void ConfigureSettings(IWebHostBuilder builder) =>
            builder.ConfigureTestServices(services =>
            {
                var original = services.Last(d => d.ServiceType == typeof(IMessageStore));
                services.Remove(original);
                services.AddSingleton<IMessageStore>(sp => new FailingMessageStore((IMessageStore)original.ImplementationFactory!(sp))
                {
                    FailCommit = _ => Failing ? new IOException("The database's disk is gone.") : null,
                });
            });
    }

    [Fact]
    public async Task SendMessage_WhileTheStoreFails_AnswersNotStored_AndTheRetryWithTheSameIdStoresItOnce()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var device = await HubTestClient.ConnectAsync(factory, alice);
        var group = await device.InvokeAsync<ThreadSummary>("CreateGroup", "Outage", new[] { bob });
        factory.Failing = true;

        var error = await Assert.ThrowsAsync<HubException>(() => device.InvokeAsync<ChatMessage>("SendMessage", group.Id.ToString(), "c-1", "during the outage"));
        factory.Failing = false;
        var stored = await device.InvokeAsync<ChatMessage>("SendMessage", group.Id.ToString(), "c-1", "during the outage");
        var again = await device.InvokeAsync<ChatMessage>("SendMessage", group.Id.ToString(), "c-1", "during the outage");

        Assert.Contains("Not stored:", error.Message);
        Assert.Contains("Send it again with the same client message id", error.Message);
        Assert.Equal((1L, stored.Id), (stored.Seq, again.Id));
        var thread = await device.InvokeAsync<ThreadSummary>("GetThread", group.Id.ToString());
        Assert.Equal(1, thread.LastSeq);
    }
}
