using ChatWeb.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

public sealed class GroupTests(ChatWebServer server, BrowserHost host) : BrowserScenario(server, host)
{
    [Fact]
    public async Task Group_CreateRenameMuteNicknameLeave_EachPersonSeesTheirOwnView()
    {
        var alice = await SignUpAsync("Alice Martin");
        var bob = await SignUpAsync("Bob Stone");
        var carol = await SignUpAsync("Carol Diaz");

        // Create: both members see the group appear with its first message unread.
        var threadId = await alice.NewChat.CreateGroupAsync("Launch plan", bob.Person, carol.Person);
        await Expect(alice.Conversation.Title).ToHaveTextAsync("Launch plan");
        await alice.Conversation.SendAsync("Kick-off at 10");
        await Expect(ThreadListPane.Name(bob.Threads.Item(threadId))).ToHaveTextAsync("Launch plan");
        await Expect(ThreadListPane.UnreadBadge(carol.Threads.Item(threadId))).ToHaveTextAsync("1");

        // Rename: everyone's list follows.
        await alice.Conversation.OpenSettingsAsync();
        await alice.Conversation.RenameInput.FillAsync("Launch crew");
        await alice.Conversation.RenameSave.ClickAsync();
        await Expect(alice.Conversation.Title).ToHaveTextAsync("Launch crew");
        await Expect(ThreadListPane.Name(bob.Threads.Item(threadId))).ToHaveTextAsync("Launch crew");
        await Expect(ThreadListPane.Name(carol.Threads.Item(threadId))).ToHaveTextAsync("Launch crew");

        // Mute: Bob's unread group is not highlighted, Carol's is.
        await bob.Threads.OpenAsync(threadId);
        await bob.Conversation.OpenSettingsAsync();
        await bob.Conversation.MuteToggle.CheckAsync();
        await Expect(bob.Threads.Item(threadId)).ToHaveAttributeAsync("data-muted", "true");
        await bob.GoToAsync();
        await alice.Conversation.SendAsync("Agenda is in the doc");
        var bobsRow = bob.Threads.Item(threadId);
        var carolsRow = carol.Threads.Item(threadId);
        await Expect(ThreadListPane.UnreadBadge(bobsRow)).ToHaveTextAsync("1");
        await Expect(ThreadListPane.UnreadBadge(carolsRow)).ToHaveTextAsync("2");
        await Expect(bobsRow).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bunread\b"));
        await Expect(bobsRow.GetByTestId("muted-icon")).ToBeVisibleAsync();
        var mutedWeight = await PageChecks.ComputedStyleAsync(ThreadListPane.Name(bobsRow), "font-weight");
        var unmutedWeight = await PageChecks.ComputedStyleAsync(ThreadListPane.Name(carolsRow), "font-weight");
        Assert.True(int.Parse(mutedWeight) < int.Parse(unmutedWeight), $"Muted name weight {mutedWeight}, unmuted {unmutedWeight}.");
        var mutedBadge = await PageChecks.ComputedStyleAsync(ThreadListPane.UnreadBadge(bobsRow), "background-color");
        var unmutedBadge = await PageChecks.ComputedStyleAsync(ThreadListPane.UnreadBadge(carolsRow), "background-color");
        Assert.NotEqual(unmutedBadge, mutedBadge);

        // Nickname: private to Carol.
        await carol.Threads.OpenAsync(threadId);
        await carol.Conversation.OpenSettingsAsync();
        await carol.Conversation.NicknameInput.FillAsync("Rocket team");
        await carol.Conversation.NicknameSave.ClickAsync();
        await Expect(ThreadListPane.Name(carol.Threads.Item(threadId))).ToHaveTextAsync("Rocket team");
        await Expect(carol.Conversation.Title).ToHaveTextAsync("Rocket team");
        await Expect(ThreadListPane.Name(alice.Threads.Item(threadId))).ToHaveTextAsync("Launch crew");
        await Expect(ThreadListPane.Name(bob.Threads.Item(threadId))).ToHaveTextAsync("Launch crew");

        // Leave: Carol's list drops the group, and later messages reach Bob but not her.
        await carol.Conversation.LeaveGroup.ClickAsync();
        await carol.Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Leave", Exact = true }).ClickAsync();
        await Expect(carol.Threads.Item(threadId)).ToHaveCountAsync(0);
        await alice.Conversation.SendAsync("Carol has moved on");
        await Expect(ThreadListPane.UnreadBadge(bob.Threads.Item(threadId))).ToHaveTextAsync("2");
        await Expect(carol.Threads.Item(threadId)).ToHaveCountAsync(0);
        await carol.GoToAsync($"chat/{threadId}");
        await Expect(carol.Conversation.NotFound).ToBeVisibleAsync();
        await Expect(carol.Page.GetByText("Carol has moved on")).ToHaveCountAsync(0);
    }
}
