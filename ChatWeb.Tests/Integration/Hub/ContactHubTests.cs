using ChatWeb.Domain.Contacts;
using ChatWeb.Realtime;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

public sealed class ContactHubTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    [Fact]
    public async Task AddContact_OnOneDevice_OtherDeviceHearsContactsChangedAndListShowsPresence()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var phone = await HubTestClient.ConnectAsync(factory, alice);
        await using var laptop = await HubTestClient.ConnectAsync(factory, alice);
        await using var bobDevice = await HubTestClient.ConnectAsync(factory, bob);

        var added = await phone.InvokeAsync<ContactView>("AddContact", bob);
        await laptop.NextAsync<ContactsChangedNotice>();
        var list = await laptop.InvokeAsync<List<ContactView>>("GetContacts");

        Assert.Equal(bob, added.UserName);
        Assert.True(Assert.Single(list).IsOnline);
    }

    [Fact]
    public async Task AddContact_Yourself_RefusedWithClearMessage()
    {
        var alice = await factory.RegisterUserAsync();
        await using var device = await HubTestClient.ConnectAsync(factory, alice);

        var error = await Assert.ThrowsAsync<HubException>(() => device.InvokeAsync<ContactView>("AddContact", alice));

        Assert.Contains("cannot add yourself", error.Message);
        Assert.Empty(await device.InvokeAsync<List<ContactView>>("GetContacts"));
    }

    [Fact]
    public async Task SearchUsers_ByEmailPrefix_FindsThePersonAndShortQueryIsEmpty()
    {
        var prefix = $"zed{Guid.NewGuid():N}"[..12];
        var alice = await factory.RegisterUserAsync();
        var zed = await factory.RegisterUserAsync($"{prefix}@corp.example");
        await using var device = await HubTestClient.ConnectAsync(factory, alice);

        var found = await device.InvokeAsync<DirectoryPage>("SearchUsers", prefix.ToUpperInvariant(), 0);
        var tooShort = await device.InvokeAsync<DirectoryPage>("SearchUsers", "z", 0);

        Assert.Equal(zed, Assert.Single(found.People).UserName);
        Assert.Empty(tooShort.People);
    }
}
