using AngleSharp.Dom;
using Bunit;
using ChatWeb.Components.Threads;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Contacts;
using ChatWeb.Domain.Presence;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components;
using Xunit;

namespace ChatWeb.Tests.Components.Threads;

public sealed class ThreadListTests : ChatUiTestContext
{
    private CurrentUser ann = null!;
    private CurrentUser bob = null!;
    private CurrentUser cat = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        ann = await SignInAsync("ann@corp.example", "Ann Lee");
        bob = await AddUserAsync("bob@corp.example", "Bob Stone");
        cat = await AddUserAsync("cat@corp.example", "Cat Moss");
    }

    [Fact]
    public async Task Render_UnreadMutedAndNicknamedThreads_ShowsBadgeMutedIconAndNickname()
    {
        var direct = await Service<ConversationService>().OpenDirectAsync(ann.Id, bob.UserName, Ct);
        await SendAsync(bob, direct.Id, "one", "two", "three");
        await Service<ThreadSettingsService>().SetNicknameAsync(ann.Id, direct.Id, "Bobby", Ct);
        var group = await Service<ConversationService>().CreateGroupAsync(ann.Id, "Launch", [bob.UserName, cat.UserName], Ct);
        await SendAsync(cat, group.Id, "ship it", "now");
        await Service<ThreadSettingsService>().SetMutedAsync(ann.Id, group.Id, muted: true, Ct);

        var cut = Render<ThreadList>();
        var rows = cut.WaitForElements("[data-testid=thread-item]", matchElementCount: 2);

        var groupRow = rows[0];
        Assert.Equal(group.Id.ToString(), groupRow.GetAttribute("data-thread-id"));
        Assert.Equal("true", groupRow.GetAttribute("data-muted"));
        Assert.Equal("2", groupRow.GetAttribute("data-unread"));
        Assert.NotNull(groupRow.QuerySelector("[data-testid=muted-icon]"));
        Assert.Contains("muted", groupRow.QuerySelector("[data-testid=unread-badge]")!.ClassList);
        Assert.DoesNotContain("unread", groupRow.ClassList);
        // In a group the preview says who wrote it; in a direct thread the title already does.
        Assert.Equal("Cat: now", groupRow.QuerySelector(".thread-preview")!.TextContent);

        var directRow = rows[1];
        Assert.Equal("Bobby", directRow.QuerySelector(".thread-name")!.TextContent);
        Assert.Equal("three", directRow.QuerySelector(".thread-preview")!.TextContent);
        Assert.Equal("3", directRow.GetAttribute("data-unread"));
        Assert.Equal("false", directRow.GetAttribute("data-muted"));
        Assert.Equal("3", directRow.QuerySelector("[data-testid=unread-badge]")!.TextContent);
        Assert.DoesNotContain("muted", directRow.QuerySelector("[data-testid=unread-badge]")!.ClassList);
        Assert.Contains("unread", directRow.ClassList);
        Assert.Null(directRow.QuerySelector("[data-testid=muted-icon]"));
        // The tab counts what the list shouts about: the muted group's two stay out.
        Assert.Equal("3", cut.Find("[data-testid=unread-total]").TextContent);
    }

    [Fact]
    public async Task Render_GroupRow_ReadAloudSaysWhoWroteTheLastMessageAndHowManyAreUnread()
    {
        var group = await Service<ConversationService>().CreateGroupAsync(ann.Id, "Launch", [bob.UserName, cat.UserName], Ct);
        await SendAsync(cat, group.Id, "ship it", "now");

        var cut = Render<ThreadList>();

        var row = cut.WaitForElement("[data-testid=thread-item]");
        var time = row.QuerySelector(".thread-time")!.TextContent;
        Assert.Equal($"Launch {time} Cat: now, 2 unread messages", ReadAloud(row));
        Assert.Equal("Chats, 2 unread", ReadAloud(cut.Find(".tab-count").ParentElement!));
    }

    [Fact]
    public async Task Render_MyOwnLastMessage_PreviewSaysYou()
    {
        var direct = await Service<ConversationService>().OpenDirectAsync(ann.Id, bob.UserName, Ct);
        await SendAsync(bob, direct.Id, "lunch?");
        await SendAsync(ann, direct.Id, "yes, 12:30");

        var cut = Render<ThreadList>();

        var row = cut.WaitForElement("[data-testid=thread-item]");
        Assert.Equal("You: yes, 12:30", row.QuerySelector(".thread-preview")!.TextContent);
    }

    [Fact]
    public async Task Render_SelectedThread_IsMarkedAndEveryRowLinksToItsChat()
    {
        var withBob = await Service<ConversationService>().OpenDirectAsync(ann.Id, bob.UserName, Ct);
        var withCat = await Service<ConversationService>().OpenDirectAsync(ann.Id, cat.UserName, Ct);

        var cut = Render<ThreadList>(p => p.Add(c => c.SelectedThreadId, withBob.Id));
        cut.WaitForElements("[data-testid=thread-item]", matchElementCount: 2);

        var selected = Row(cut, withBob.Id);
        Assert.Contains("selected", selected.ClassList);
        Assert.Equal("page", selected.GetAttribute("aria-current"));
        Assert.Equal($"chat/{withBob.Id}", selected.GetAttribute("href"));
        Assert.DoesNotContain("selected", Row(cut, withCat.Id).ClassList);
    }

    [Fact]
    public async Task ThreadUpdatedEvent_OlderThreadGetsMessage_MovesToTopWithPreviewAndBadge()
    {
        var withBob = await Service<ConversationService>().OpenDirectAsync(ann.Id, bob.UserName, Ct);
        var withCat = await Service<ConversationService>().OpenDirectAsync(ann.Id, cat.UserName, Ct);
        var cut = Render<ThreadList>();
        cut.WaitForAssertion(() => Assert.Equal([withCat.Id, withBob.Id], RowIds(cut)));

        await SendAsync(bob, withBob.Id, "lunch?");
        await Events.RaiseAsync(await Service<ConversationService>().GetThreadAsync(ann.Id, withBob.Id, Ct));

        cut.WaitForAssertion(() => Assert.Equal([withBob.Id, withCat.Id], RowIds(cut)));
        var row = Row(cut, withBob.Id);
        Assert.Equal("lunch?", row.QuerySelector(".thread-preview")!.TextContent);
        Assert.Equal("1", row.QuerySelector("[data-testid=unread-badge]")!.TextContent);
    }

    [Fact]
    public async Task ThreadUpdatedEvent_UnknownThread_AddsItOnTop()
    {
        await Service<ConversationService>().OpenDirectAsync(ann.Id, bob.UserName, Ct);
        var cut = Render<ThreadList>();
        cut.WaitForElements("[data-testid=thread-item]", matchElementCount: 1);

        var group = await Service<ConversationService>().CreateGroupAsync(cat.Id, "Book club", [ann.UserName], Ct);
        await Events.RaiseAsync(await Service<ConversationService>().GetThreadAsync(ann.Id, group.Id, Ct));

        cut.WaitForAssertion(() => Assert.Equal(group.Id, RowIds(cut)[0]));
        Assert.Equal("Book club", Row(cut, group.Id).QuerySelector(".thread-name")!.TextContent);
    }

    [Fact]
    public async Task MessageReceivedEvent_OlderThread_MovesToTopWithPreviewAndBadge()
    {
        var withBob = await Service<ConversationService>().OpenDirectAsync(ann.Id, bob.UserName, Ct);
        var withCat = await Service<ConversationService>().OpenDirectAsync(ann.Id, cat.UserName, Ct);
        var cut = Render<ThreadList>();
        cut.WaitForAssertion(() => Assert.Equal([withCat.Id, withBob.Id], RowIds(cut)));

        // Only the message: the circuit's connection takes no ThreadUpdated for it.
        await Events.RaiseAsync(await SendOneAsync(bob, withBob.Id, "lunch?"));
        await Events.RaiseAsync(await SendOneAsync(bob, withBob.Id, "at 12:30"));

        cut.WaitForAssertion(() => Assert.Equal([withBob.Id, withCat.Id], RowIds(cut)));
        var row = Row(cut, withBob.Id);
        Assert.Equal("at 12:30", row.QuerySelector(".thread-preview")!.TextContent);
        Assert.Equal("2", row.QuerySelector("[data-testid=unread-badge]")!.TextContent);
        Assert.Equal("2", cut.Find("[data-testid=unread-total]").TextContent);
    }

    [Fact]
    public async Task MessageReceivedEvent_MineFromAnotherDevice_PreviewSaysYouAndNothingUnread()
    {
        var withBob = await Service<ConversationService>().OpenDirectAsync(ann.Id, bob.UserName, Ct);
        var cut = Render<ThreadList>();
        cut.WaitForElements("[data-testid=thread-item]", matchElementCount: 1);
        await Events.RaiseAsync(await SendOneAsync(bob, withBob.Id, "lunch?"));
        cut.WaitForAssertion(() => Assert.Equal("1", Row(cut, withBob.Id).GetAttribute("data-unread")));

        await Events.RaiseAsync(await SendOneAsync(ann, withBob.Id, "yes"));

        cut.WaitForAssertion(() => Assert.Equal("You: yes", Row(cut, withBob.Id).QuerySelector(".thread-preview")!.TextContent));
        Assert.Equal("0", Row(cut, withBob.Id).GetAttribute("data-unread"));
    }

    [Fact]
    public async Task MessageReceivedEvent_ThreadNotListedYet_FetchesAndShowsIt()
    {
        await Service<ConversationService>().OpenDirectAsync(ann.Id, bob.UserName, Ct);
        var cut = Render<ThreadList>();
        cut.WaitForElements("[data-testid=thread-item]", matchElementCount: 1);
        var group = await Service<ConversationService>().CreateGroupAsync(cat.Id, "Book club", [ann.UserName], Ct);

        await Events.RaiseAsync(await SendOneAsync(cat, group.Id, "chapter 3 tonight"));

        cut.WaitForAssertion(() => Assert.Equal(group.Id, RowIds(cut)[0]));
        var row = Row(cut, group.Id);
        Assert.Equal("Cat: chapter 3 tonight", row.QuerySelector(".thread-preview")!.TextContent);
        Assert.Equal("1", row.GetAttribute("data-unread"));
    }

    [Fact]
    public async Task ThreadRemovedNotice_OpenThread_RemovesItAndNavigatesHome()
    {
        var group = await Service<ConversationService>().CreateGroupAsync(bob.Id, "Ops", [ann.UserName], Ct);
        await Service<ConversationService>().OpenDirectAsync(ann.Id, cat.UserName, Ct);
        Navigation.NavigateTo($"chat/{group.Id}");
        var cut = Render<ThreadList>(p => p.Add(c => c.SelectedThreadId, group.Id));
        cut.WaitForElements("[data-testid=thread-item]", matchElementCount: 2);

        await Events.RaiseAsync(new ThreadRemovedNotice(group.Id));

        cut.WaitForAssertion(() => Assert.DoesNotContain(group.Id, RowIds(cut)));
        Assert.Equal(Navigation.BaseUri, Navigation.Uri);
    }

    [Fact]
    public async Task ReconnectedNotice_MissedMessages_ReloadsTheList()
    {
        var withBob = await Service<ConversationService>().OpenDirectAsync(ann.Id, bob.UserName, Ct);
        var cut = Render<ThreadList>();
        cut.WaitForElements("[data-testid=thread-item]", matchElementCount: 1);

        // Happened while the connection was down: no ThreadUpdated event reached this circuit.
        await SendAsync(bob, withBob.Id, "you there?");
        await Service<ConversationService>().CreateGroupAsync(cat.Id, "Offsite", [ann.UserName], Ct);
        await Events.RaiseAsync(new ReconnectedNotice());

        cut.WaitForAssertion(() => Assert.Equal(2, RowIds(cut).Count));
        Assert.Equal("1", Row(cut, withBob.Id).GetAttribute("data-unread"));
    }

    [Fact]
    public async Task PresenceEvents_DirectThreadPartner_DotFollowsThem()
    {
        var withBob = await Service<ConversationService>().OpenDirectAsync(ann.Id, bob.UserName, Ct);
        var group = await Service<ConversationService>().CreateGroupAsync(ann.Id, "Team", [bob.UserName, cat.UserName], Ct);
        await Service<PresenceService>().DeviceConnectedAsync(bob.Id, "bob-laptop", Ct);

        var cut = Render<ThreadList>();
        cut.WaitForAssertion(() => Assert.Equal("true", Dot(cut, withBob.Id)?.GetAttribute("data-online")));
        Assert.Null(Dot(cut, group.Id));

        await Events.RaiseAsync(new PresenceView(bob.UserName, IsOnline: false, DateTime.UtcNow));

        cut.WaitForAssertion(() => Assert.Equal("false", Dot(cut, withBob.Id)?.GetAttribute("data-online")));
    }

    [Fact]
    public async Task ContactsTab_ContactClicked_OpensTheirChatAndListsItUnderChats()
    {
        await Service<ContactService>().AddAsync(ann.Id, cat.UserName, Ct);
        var cut = Render<ThreadList>();
        cut.WaitForElement("[data-testid=no-threads]");
        ContactsTab(cut).Click();

        cut.WaitForElement($"[data-testid=contact-item][data-username='{cat.UserName}'] .contact-open").Click();

        cut.WaitForAssertion(() => Assert.Single(RowIds(cut)));
        var thread = Assert.Single(await Service<ConversationService>().GetThreadsAsync(ann.Id, Ct));
        Assert.Equal(thread.Id, RowIds(cut)[0]);
        Assert.EndsWith($"/chat/{thread.Id}", Navigation.Uri);
    }

    [Fact]
    public async Task Render_ChatsTabShown_ContactsPanelCreatedOnlyWhenItsTabOpens()
    {
        await Service<ContactService>().AddAsync(ann.Id, cat.UserName, Ct);
        var cut = Render<ThreadList>();
        cut.WaitForElement("[data-testid=no-threads]");
        Assert.Empty(cut.FindAll("[data-testid=contacts-panel]"));

        ContactsTab(cut).Click();

        cut.WaitForElement($"[data-testid=contact-item][data-username='{cat.UserName}']");
    }

    [Fact]
    public void Render_NoThreads_ShowsEmptyStateAndStartsLiveEvents()
    {
        var cut = Render<ThreadList>();

        cut.WaitForElement("[data-testid=no-threads]");
        Assert.True(Events.IsConnected);
        Assert.NotNull(cut.Find("[data-testid=new-chat]"));
    }

    [Fact]
    public async Task Dispose_AfterLoad_DropsEverySubscription()
    {
        var cut = Render<ThreadList>();
        cut.WaitForElement("[data-testid=no-threads]");
        Assert.True(Events.TotalSubscriberCount() > 0);

        await DisposeComponentsAsync();

        Assert.Equal(0, Events.TotalSubscriberCount());
    }

    [Fact]
    public async Task Render_Prerendering_ShowsPlaceholderWithoutLoadingOrSubscribing()
    {
        await Service<ConversationService>().OpenDirectAsync(ann.Id, bob.UserName, Ct);
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<ThreadList>();

        Assert.Empty(cut.FindAll("[data-testid=thread-item]"));
        Assert.Equal(0, Events.TotalSubscriberCount());
        Assert.Equal(0, Events.StartCalls);
    }

    private async Task SendAsync(CurrentUser sender, Guid threadId, params string[] bodies)
    {
        foreach (var body in bodies)
        {
            await Service<MessageService>().SendAsync(sender.Id, threadId, Guid.NewGuid().ToString(), body, Ct);
        }
    }

    private Task<ChatMessage> SendOneAsync(CurrentUser sender, Guid threadId, string body) =>
        Service<MessageService>().SendAsync(sender.Id, threadId, Guid.NewGuid().ToString(), body, Ct);

    /// <summary>
    /// What a screen reader reads of an element: its text, without what is hidden from it
    /// (aria-hidden), plus the labels of images (the presence dot); whitespace as it is spoken.
    /// </summary>
    private static string ReadAloud(IElement element)
    {
        var spoken = new System.Text.StringBuilder();
        void Walk(INode node)
        {
            if (node is IElement e)
            {
                if (e.GetAttribute("aria-hidden") == "true")
                {
                    return;
                }
                if (e.GetAttribute("role") == "img")
                {
                    spoken.Append(' ').Append(e.GetAttribute("aria-label")).Append(' ');
                    return;
                }
            }
            if (node.NodeType == NodeType.Text)
            {
                spoken.Append(node.TextContent);
            }
            foreach (var child in node.ChildNodes)
            {
                Walk(child);
            }
        }
        Walk(element);
        return System.Text.RegularExpressions.Regex.Replace(spoken.ToString(), @"\s+", " ").Replace(" ,", ",").Trim();
    }

    private static List<Guid> RowIds(IRenderedComponent<ThreadList> cut) =>
        cut.FindAll("[data-testid=thread-item]").Select(r => Guid.Parse(r.GetAttribute("data-thread-id")!)).ToList();

    private static IElement Row(IRenderedComponent<ThreadList> cut, Guid threadId) =>
        cut.Find($"[data-testid=thread-item][data-thread-id='{threadId}']");

    private static IElement? Dot(IRenderedComponent<ThreadList> cut, Guid threadId) =>
        Row(cut, threadId).QuerySelector("[data-testid=presence-dot]");

    private static AngleSharp.Dom.IElement ContactsTab(IRenderedComponent<ThreadList> cut) =>
        cut.FindAll("[role=tab]").Single(tab => tab.TextContent.Trim() == "Contacts");
}
