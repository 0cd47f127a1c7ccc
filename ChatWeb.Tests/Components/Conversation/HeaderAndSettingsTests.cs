using Bunit;
using ChatWeb.Domain.Entities;
using ChatWeb.Domain.Presence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Xunit;

namespace ChatWeb.Tests.Components.Conversation;

public sealed class HeaderAndSettingsTests : ConversationTestContext
{
    [Fact]
    public async Task Header_Direct_ShowsPeerAndFollowsPresenceEvents()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob Smith");
        var thread = await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        SignIn(ann);
        var cut = RenderConversation(thread.Id);
        cut.WaitForElement("[data-testid=conversation-title]");
        Assert.Equal("Bob Smith", cut.Find("[data-testid=conversation-title]").TextContent.Trim());
        Assert.Equal("false", cut.Find("[data-testid=presence-dot]").GetAttribute("data-online"));

        await Events.RaiseAsync(new PresenceView(bob.UserName, true, null));

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=presence-dot]").GetAttribute("data-online")));
        Assert.NotNull(cut.Find("[data-testid=back-to-list]"));
        Assert.NotNull(cut.Find("[data-testid=message-scroller]"));
        Assert.Equal(thread.Id.ToString(), cut.Find("[data-testid=conversation]").GetAttribute("data-thread-id"));
    }

    [Fact]
    public async Task Header_Group_ListsMembers()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var group = await Conversations.CreateGroupAsync(bob.Id, "Launch", [ann.UserName], Ct);
        SignIn(ann);

        var cut = RenderConversation(group.Id);

        cut.WaitForElement("[data-testid=member-names]");
        Assert.Equal("Bob, You", cut.Find("[data-testid=member-names]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=presence-dot]"));
    }

    [Fact]
    public async Task Settings_MuteAndNickname_AreSavedAndShown()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var thread = await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        SignIn(ann);
        var cut = RenderConversation(thread.Id);
        cut.WaitForElement("[data-testid=thread-settings]");
        await cut.Find("[data-testid=thread-settings]").ClickAsync(new());

        await cut.FindComponent<MudSwitch<bool>>().Find("input").ChangeAsync(new() { Value = true });
        await cut.Find("input[data-testid=nickname-input]").InputAsync(new() { Value = "Bobby" });
        await cut.Find("[data-testid=nickname-save]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("Bobby", cut.Find("[data-testid=conversation-title]").TextContent.Trim()));
        var saved = await Conversations.GetThreadAsync(ann.Id, thread.Id, Ct);
        Assert.True(saved.IsMuted);
        Assert.Equal("Bobby", saved.Nickname);
        Assert.Empty(cut.FindAll("[data-testid=rename-input]"));
        Assert.Empty(cut.FindAll("[data-testid=leave-group]"));
    }

    [Fact]
    public async Task Settings_GroupOwner_CanRenameAndRemove()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var group = await Conversations.CreateGroupAsync(ann.Id, "Launch", [bob.UserName], Ct);
        SignIn(ann);
        var cut = RenderConversation(group.Id);
        cut.WaitForElement("[data-testid=thread-settings]");
        await cut.Find("[data-testid=thread-settings]").ClickAsync(new());

        await cut.Find("input[data-testid=rename-input]").InputAsync(new() { Value = "Launch v2" });
        await cut.Find("[data-testid=rename-save]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("Launch v2", cut.Find("[data-testid=conversation-title]").TextContent.Trim()));
        Assert.Equal("Launch v2", (await Conversations.GetThreadAsync(bob.Id, group.Id, Ct)).Title);
        Assert.NotNull(cut.Find("[data-testid=leave-group]"));
        Assert.Single(cut.FindAll("[data-testid=remove-member]"));
    }

    [Fact]
    public async Task Settings_GroupAdmin_CanRemoveMembersButNotTheOwner()
    {
        var olive = await AddUserAsync("Olive");
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var group = await Conversations.CreateGroupAsync(olive.Id, "Launch", [ann.UserName, bob.UserName], Ct);
        await using (var db = await DbFactory.CreateDbContextAsync(Ct))
        {
            var row = await db.ThreadMembers.SingleAsync(m => m.ThreadId == group.Id && m.OwnerId == ann.Id, Ct);
            row.Role = MemberRole.Admin;
            await db.SaveChangesAsync(Ct);
        }
        SignIn(ann);
        var cut = RenderConversation(group.Id);
        cut.WaitForElement("[data-testid=thread-settings]");

        await cut.Find("[data-testid=thread-settings]").ClickAsync(new());

        cut.WaitForElement("input[data-testid=rename-input]");
        var removable = cut.FindAll("[data-testid=member]")
            .Where(m => m.QuerySelector("[data-testid=remove-member]") is not null)
            .Select(m => m.GetAttribute("data-user"));
        Assert.Equal([bob.UserName], removable);
    }

    [Fact]
    public async Task Settings_GroupMember_CannotRenameOrRemove()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var group = await Conversations.CreateGroupAsync(bob.Id, "Launch", [ann.UserName], Ct);
        SignIn(ann);

        var cut = RenderConversation(group.Id);

        cut.WaitForElement("[data-testid=thread-settings]");
        Assert.Empty(cut.FindAll("[data-testid=rename-input]"));
        Assert.Empty(cut.FindAll("[data-testid=remove-member]"));
        Assert.NotNull(cut.Find("[data-testid=leave-group]"));
    }
}
