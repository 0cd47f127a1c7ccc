using System.Text.Json;
using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

/// <summary>What a client may offer comes on the wire with the thread, as each reader sees it.</summary>
public sealed class GroupPermissionsHubTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    [Fact]
    public async Task GetThread_Group_CarriesCanManageAndEachMembersCanRemoveForTheCaller()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var aliceDevice = await HubTestClient.ConnectAsync(factory, alice);
        await using var bobDevice = await HubTestClient.ConnectAsync(factory, bob);
        var group = await aliceDevice.InvokeAsync<ThreadSummary>("CreateGroup", "Planning", new[] { bob });

        var owners = await aliceDevice.InvokeAsync<JsonElement>("GetThread", group.Id.ToString());
        var members = await bobDevice.InvokeAsync<JsonElement>("GetThread", group.Id.ToString());

        Assert.True(owners.GetProperty("canManage").GetBoolean());
        Assert.False(members.GetProperty("canManage").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { [alice] = false, [bob] = true }, CanRemove(owners));
        Assert.Equal(new Dictionary<string, bool> { [alice] = false, [bob] = false }, CanRemove(members));
    }

    private static Dictionary<string, bool> CanRemove(JsonElement thread) =>
        thread.GetProperty("members").EnumerateArray()
            .ToDictionary(m => m.GetProperty("userName").GetString()!, m => m.GetProperty("canRemove").GetBoolean());
}
