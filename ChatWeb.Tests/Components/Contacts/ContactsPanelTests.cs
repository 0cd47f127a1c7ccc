using AngleSharp.Dom;
using Bunit;
using ChatWeb.Components.Contacts;
using ChatWeb.Components.Shared;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Contacts;
using ChatWeb.Domain.Presence;
using ChatWeb.Realtime;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Components.Contacts;

public sealed class ContactsPanelTests : ChatUiTestContext
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
    public async Task Render_OneOnlineOneAway_ShowsDotsAndLastSeen()
    {
        var now = DateTimeOffset.UtcNow;
        await AddContactsAsync(bob, cat);
        await SetLastSeenAsync(cat, now.AddMinutes(-5).UtcDateTime);
        await Service<PresenceService>().DeviceConnectedAsync(bob.Id, "bob-phone", Ct);

        var cut = Render<ContactsPanel>(p => p.AddCascadingValue(new LocalClock(TimeZoneInfo.Utc, now)));
        cut.WaitForElements("[data-testid=contact-item]", matchElementCount: 2);

        Assert.Equal("true", Dot(cut, bob).GetAttribute("data-online"));
        Assert.Equal("online", Item(cut, bob).QuerySelector("[data-testid=last-seen]")!.TextContent.Trim());
        Assert.Equal("false", Dot(cut, cat).GetAttribute("data-online"));
        Assert.Equal("last seen 5 min ago", Item(cut, cat).QuerySelector("[data-testid=last-seen]")!.TextContent.Trim());
        Assert.Equal([bob.UserName, cat.UserName], UserNames(cut));
    }

    [Fact]
    public async Task PresenceEvent_ContactComesOnline_DotTurnsOnlineAndTheyMoveUp()
    {
        var alf = await AddUserAsync("alf@corp.example", "Alf Berg");
        await AddContactsAsync(alf, cat);
        var cut = Render<ContactsPanel>();
        cut.WaitForAssertion(() => Assert.Equal([alf.UserName, cat.UserName], UserNames(cut)));
        Assert.Equal("false", Dot(cut, cat).GetAttribute("data-online"));

        await Events.RaiseAsync(new PresenceView(cat.UserName, IsOnline: true, LastSeenAt: null));

        cut.WaitForAssertion(() => Assert.Equal("true", Dot(cut, cat).GetAttribute("data-online")));
        Assert.Equal("true", Item(cut, cat).GetAttribute("data-online"));
        Assert.Equal([cat.UserName, alf.UserName], UserNames(cut));

        await Events.RaiseAsync(new PresenceView(cat.UserName, IsOnline: false, DateTime.UtcNow));

        cut.WaitForAssertion(() => Assert.Equal("false", Dot(cut, cat).GetAttribute("data-online")));
        Assert.Equal("last seen just now", Item(cut, cat).QuerySelector("[data-testid=last-seen]")!.TextContent.Trim());
    }

    [Fact]
    public async Task ContactsChangedNotice_AddedOnAnotherDevice_ReloadsTheList()
    {
        var cut = Render<ContactsPanel>();
        cut.WaitForElement("[data-testid=no-contacts]");

        await Service<ContactService>().AddAsync(ann.Id, bob.UserName, Ct);
        await Events.RaiseAsync(new ContactsChangedNotice());

        cut.WaitForAssertion(() => Assert.Equal([bob.UserName], UserNames(cut)));
    }

    [Fact]
    public async Task RemoveContact_Clicked_RemovesItHereAndOnTheServer()
    {
        await AddContactsAsync(bob, cat);
        var cut = Render<ContactsPanel>();
        cut.WaitForElements("[data-testid=contact-item]", matchElementCount: 2);

        Item(cut, bob).QuerySelector("[data-testid=remove-contact]")!.Click();

        cut.WaitForAssertion(() => Assert.Equal([cat.UserName], UserNames(cut)));
        var stored = await Service<ContactService>().ListAsync(ann.Id, Ct);
        Assert.Equal([cat.UserName], stored.Select(c => c.UserName));
    }

    [Fact]
    public async Task ClickContact_NoHandler_OpensTheDirectChatAndNavigatesToIt()
    {
        await AddContactsAsync(bob);
        var cut = Render<ContactsPanel>();
        cut.WaitForElements("[data-testid=contact-item]", matchElementCount: 1);

        Item(cut, bob).QuerySelector(".contact-open")!.Click();

        cut.WaitForAssertion(() => Assert.Contains("/chat/", Navigation.Uri));
        var thread = Assert.Single(await Service<ConversationService>().GetThreadsAsync(ann.Id, Ct));
        Assert.Equal("Bob Stone", thread.Title);
        Assert.EndsWith($"/chat/{thread.Id}", Navigation.Uri);
    }

    [Fact]
    public async Task ClickContact_WithHandler_HandsTheThreadOverInsteadOfNavigating()
    {
        await AddContactsAsync(bob);
        ThreadSummary? opened = null;
        var cut = Render<ContactsPanel>(p => p.Add(c => c.ThreadOpened, (ThreadSummary t) => opened = t));
        cut.WaitForElements("[data-testid=contact-item]", matchElementCount: 1);

        Item(cut, bob).QuerySelector(".contact-open")!.Click();

        cut.WaitForAssertion(() => Assert.NotNull(opened));
        Assert.Equal("Bob Stone", opened!.Title);
        Assert.Equal(Navigation.BaseUri, Navigation.Uri);
    }

    [Fact]
    public async Task Dispose_AfterLoad_DropsEverySubscription()
    {
        var cut = Render<ContactsPanel>();
        cut.WaitForElement("[data-testid=no-contacts]");

        await DisposeComponentsAsync();

        Assert.Equal(0, Events.TotalSubscriberCount());
    }

    private async Task AddContactsAsync(params CurrentUser[] people)
    {
        foreach (var person in people)
        {
            await Service<ContactService>().AddAsync(ann.Id, person.UserName, Ct);
        }
    }

    private async Task SetLastSeenAsync(CurrentUser person, DateTime lastSeenUtc)
    {
        await using var db = await DbFactory.CreateDbContextAsync(Ct);
        await db.Users.Where(u => u.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSeenAt, lastSeenUtc), Ct);
    }

    private static List<string> UserNames(IRenderedComponent<ContactsPanel> cut) =>
        cut.FindAll("[data-testid=contact-item]").Select(e => e.GetAttribute("data-username")!).ToList();

    private static IElement Item(IRenderedComponent<ContactsPanel> cut, CurrentUser person) =>
        cut.Find($"[data-testid=contact-item][data-username='{person.UserName}']");

    private static IElement Dot(IRenderedComponent<ContactsPanel> cut, CurrentUser person) =>
        Item(cut, person).QuerySelector("[data-testid=presence-dot]")!;
}
