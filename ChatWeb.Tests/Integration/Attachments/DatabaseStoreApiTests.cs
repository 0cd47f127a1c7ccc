using System.Net;
using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Infrastructure;
using ChatWeb.Tests.Integration.Hub;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace ChatWeb.Tests.Integration.Attachments;

/// <summary>The app with its files in the database (<c>Attachments:Store = Database</c>).</summary>
public sealed class DatabaseStoreFactory : ChatWebFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Attachments:Store", "Database");
}

public sealed class DatabaseStoreApiTests(DatabaseStoreFactory factory) : IClassFixture<DatabaseStoreFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UploadAndDownload_FromTheDatabaseStore_WholeAndByRange_WithTheSameHeaders()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var device = await HubTestClient.ConnectAsync(factory, alice);
        var thread = (await device.InvokeAsync<ThreadSummary>("OpenDirect", bob)).Id.ToString();
        using var client = await factory.CreateBearerClientAsync(alice);
        var bytes = Enumerable.Range(0, 3 * 1024 * 1024 + 17).Select(i => (byte)(i % 241)).ToArray();
        var view = await client.UploadAsync(thread, "big.bin", bytes);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/attachments/{view.Id}");
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(1024 * 1024 - 5, 1024 * 1024 + 4);

        using var whole = await client.GetAsync($"/api/attachments/{view.Id}", Ct);
        using var part = await client.SendAsync(request, Ct);

        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync(Ct));
        AttachmentApiTests.AssertProtective(whole);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(bytes[(1024 * 1024 - 5)..(1024 * 1024 + 5)], await part.Content.ReadAsByteArrayAsync(Ct));
    }
}
