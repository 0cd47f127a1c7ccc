using Bunit;
using ChatWeb.Realtime;
using ChatWeb.Tests.Components.Conversation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Xunit;

namespace ChatWeb.Tests.Components.Attention;

/// <summary>The composer's member picker in a group: "@" opens it, typing filters it, the keyboard and the mouse pick.</summary>
public sealed class MentionPickerTests : ConversationTestContext
{
    [Fact]
    public async Task Input_At_OffersTheOtherMembersAndFiltersAsYouType()
    {
        var (cut, _, _, _) = await OpenGroupAsync();
        var input = cut.Find("[data-testid=composer-input]");

        await input.InputAsync(new() { Value = "Hi @" });
        Assert.Equal(["bob@example.com", "cy@example.com", "@here"], Offered(cut));

        await cut.Find("[data-testid=composer-input]").InputAsync(new() { Value = "Hi @c" });
        Assert.Equal(["cy@example.com"], Offered(cut));
        Assert.Equal("true", cut.Find("[data-testid=composer-input]").GetAttribute("data-mention-open"));

        await cut.Find("[data-testid=composer-input]").InputAsync(new() { Value = "Hi @zz" });
        Assert.Empty(cut.FindAll("[data-testid=mention-picker]"));
    }

    [Fact]
    public async Task KeyDown_ArrowAndEnter_PicksTheMemberAndTheSentMessageMentionsThem()
    {
        var (cut, thread, ann, _) = await OpenGroupAsync();
        var input = cut.Find("[data-testid=composer-input]");
        await input.InputAsync(new() { Value = "@" });

        await input.KeyDownAsync(new KeyboardEventArgs { Key = "ArrowDown" });
        Assert.Equal("true", cut.Find("[data-testid=mention-option][data-user-name='cy@example.com']").GetAttribute("aria-selected"));
        await cut.Find("[data-testid=composer-input]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });
        Assert.Equal("@Cy ", cut.Find("[data-testid=composer-input]").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-testid=message]"));
        await cut.Find("[data-testid=composer-input]").InputAsync(new() { Value = "@Cy see this" });
        await cut.Find("[data-testid=composer-input]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        var stored = await WaitForStoredAsync(ann, thread);
        Assert.Equal(["cy@example.com"], stored.Mentions);
        cut.WaitForAssertion(() =>
            Assert.Equal("@Cy", Assert.Single(cut.FindAll("[data-testid=message] [data-testid=mention]")).TextContent));
    }

    [Fact]
    public async Task Click_OnAnOption_PicksItAndEscapeClosesThePicker()
    {
        var (cut, _, _, _) = await OpenGroupAsync();
        var input = cut.Find("[data-testid=composer-input]");
        await input.InputAsync(new() { Value = "ping @b" });

        await cut.Find("[data-testid=mention-option]").MouseDownAsync(new MouseEventArgs());
        Assert.Equal("ping @Bob ", cut.Find("[data-testid=composer-input]").GetAttribute("value"));
        await cut.Find("[data-testid=composer-input]").InputAsync(new() { Value = "ping @Bob @" });
        await cut.Find("[data-testid=composer-input]").KeyDownAsync(new KeyboardEventArgs { Key = "Escape" });

        Assert.Empty(cut.FindAll("[data-testid=mention-picker]"));
    }

    [Fact]
    public async Task Input_AtInADirectChat_OffersNoOne()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var thread = await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        SignIn(ann);
        var cut = RenderConversation(thread.Id);

        await cut.WaitForElement("[data-testid=composer-input]").InputAsync(new() { Value = "@" });

        Assert.Empty(cut.FindAll("[data-testid=mention-picker]"));
    }

    private static List<string?> Offered(IRenderedComponent<IComponent> cut) =>
        cut.FindAll("[data-testid=mention-option]").Select(o => o.GetAttribute("data-user-name")).ToList();

    private async Task<ChatWeb.Domain.Chat.ChatMessage> WaitForStoredAsync(CurrentUser reader, Guid thread)
    {
        for (var i = 0; i < 200; i++)
        {
            if ((await Messages.GetAfterAsync(reader.Id, thread, 0, null, Ct)).FirstOrDefault() is { } stored)
            {
                return stored;
            }
            await Task.Delay(50, Ct);
        }
        throw new TimeoutException("The message was not stored.");
    }

    private async Task<(IRenderedComponent<IComponent> Cut, Guid Thread, CurrentUser Ann, CurrentUser Cy)> OpenGroupAsync()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var cy = await AddUserAsync("Cy");
        var group = await Conversations.CreateGroupAsync(ann.Id, "Team", [bob.UserName, cy.UserName], Ct);
        SignIn(ann);
        var cut = RenderConversation(group.Id);
        cut.WaitForElement("[data-testid=composer-input]");
        return (cut, group.Id, ann, cy);
    }
}
