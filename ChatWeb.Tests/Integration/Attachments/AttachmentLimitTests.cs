using System.Net;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data;
using ChatWeb.Tests.Infrastructure;
using ChatWeb.Tests.Integration.Hub;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Integration.Attachments;

/// <summary>The app with a small <c>Attachments:MaxBytes</c>, so the limit is reached with little data.</summary>
public sealed class SmallAttachmentsFactory : ChatWebFactory
{
    public const int MaxBytes = 200_000;

    protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Attachments:MaxBytes", MaxBytes.ToString());
}

public sealed class AttachmentLimitTests(SmallAttachmentsFactory factory) : IClassFixture<SmallAttachmentsFactory>
{
    [Fact]
    public async Task Upload_OverMaxBytes_Gets413_AndNothingIsStored()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var device = await HubTestClient.ConnectAsync(factory, alice);
        var thread = (await device.InvokeAsync<ThreadSummary>("OpenDirect", bob)).Id.ToString();
        using var client = await factory.CreateBearerClientAsync(alice);

        using var over = await client.PostFileAsync(thread, "big.bin", new byte[SmallAttachmentsFactory.MaxBytes + 1]);
        using var atLimit = await client.PostFileAsync(thread, "fits.bin", new byte[SmallAttachmentsFactory.MaxBytes]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.Contains("at most", await over.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["fits.bin"], await db.Attachments.Select(a => a.FileName).ToListAsync(TestContext.Current.CancellationToken));
    }
}
