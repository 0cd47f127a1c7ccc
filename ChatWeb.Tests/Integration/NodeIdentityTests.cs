using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace ChatWeb.Tests.Integration;

/// <summary>Behind a load balancer, every response says which node served it.</summary>
public sealed class NodeIdentityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/Account/Login")]
    [InlineData("/api/auth/manage/info")]
    public async Task AnyResponse_NodeNameSet_NamesTheNodeInItsHeader(string path)
    {
        await using var app = new NamedNodeFactory("chatweb-7");
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(["chatweb-7"], response.Headers.GetValues("X-ChatWeb-Node"));
    }

    [Fact]
    public async Task AnyResponse_NoNodeName_NamesTheMachine()
    {
        await using var app = new ChatWebFactory();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/healthz", Ct);

        Assert.Equal([Environment.MachineName], response.Headers.GetValues("X-ChatWeb-Node"));
    }

    private sealed class NamedNodeFactory(string name) : ChatWebFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Node:Name", name);
    }
}
