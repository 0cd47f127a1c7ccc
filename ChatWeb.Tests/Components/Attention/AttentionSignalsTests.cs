using Bunit;
using ChatWeb.Components.Attention;
using ChatWeb.Domain.Attention;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using Xunit;

namespace ChatWeb.Tests.Components.Attention;

/// <summary>The notification prompt follows the person's stored settings and the browser's permission; permission is never asked on load.</summary>
public sealed class AttentionSignalsTests : ChatUiTestContext
{
    private const string Module = "./Components/Attention/AttentionSignals.razor.js";

    [Fact]
    public async Task Render_NotificationsOnAndPermissionNotYetGiven_OffersThePromptWithoutAsking()
    {
        await SignInAsync("ann@example.com", "Ann");
        var module = JSInterop.SetupModule(Module);
        module.Setup<string>("start").SetResult("default");

        var cut = Render<AttentionSignals>(p => p.Add(c => c.Threads, []));

        cut.WaitForElement("[data-testid=notifications-turn-on]");
        Assert.Contains(module.Invocations, i => i.Identifier == "bindPermissionButton");
        Assert.DoesNotContain(module.Invocations, i => i.Identifier == "notify");
    }

    [Fact]
    public async Task Render_NotificationsTurnedOffInSettings_OffersNoPrompt()
    {
        var ann = await SignInAsync("ann@example.com", "Ann");
        await Service<NotificationSettingsService>().SetAsync(ann.Id, new NotificationSettings(Desktop: false, Sound: true, Preview: true), Ct);
        var module = JSInterop.SetupModule(Module);
        module.Setup<string>("start").SetResult("default");

        var cut = Render<AttentionSignals>(p => p.Add(c => c.Threads, []));

        cut.WaitForAssertion(() => Assert.Contains(module.Invocations, i => i.Identifier == "setUnreadDot"));
        Assert.Empty(cut.FindAll("[data-testid=notification-prompt]"));
        Assert.Equal(new NotificationSettings(false, true, true), await Service<NotificationSettingsService>().GetAsync(ann.Id, Ct));
    }

    [Fact]
    public async Task MessageReceived_MentionInAMutedThread_NotifiesWithoutPreviewWhenItIsHidden()
    {
        var ann = await SignInAsync("ann@example.com", "Ann");
        await Service<NotificationSettingsService>().SetAsync(ann.Id, new NotificationSettings(Desktop: true, Sound: false, Preview: false), Ct);
        var module = JSInterop.SetupModule(Module);
        module.Setup<string>("start").SetResult("granted");
        module.Setup<bool>("notify", _ => true).SetResult(true);
        var muted = Group(isMuted: true);
        var cut = Render<AttentionSignals>(p => p.Add(c => c.Threads, [muted]));
        cut.WaitForAssertion(() => Assert.Contains(module.Invocations, i => i.Identifier == "setUnreadDot"));

        await Events.RaiseAsync(Message(muted.Id, "plain"));
        await Events.RaiseAsync(Message(muted.Id, "@Ann secret plans") with { Mentions = ["ann@example.com"] });

        var note = (DesktopNote)Assert.Single(module.Invocations, i => i.Identifier == "notify").Arguments[0]!;
        Assert.Equal(("Bob mentioned you in Team", "Open ChatWeb to read it.", false), (note.Title, note.Body, note.Sound));
        Assert.Equal(muted.Id.ToString(), note.ThreadId);
    }

    private static ChatMessage Message(Guid thread, string body) =>
        new(Guid.NewGuid(), thread, 1, "bob@example.com", "Bob", body, DateTime.UtcNow, Guid.NewGuid().ToString());

    private static ThreadSummary Group(bool isMuted) => new(
        Guid.NewGuid(), ThreadKind.Group, "Team", Nickname: null, isMuted, UnreadCount: 1, LastSeq: 1, LastReadSeq: 0, DateTime.UtcNow,
        LastMessagePreview: "hi", MemberRole.Member,
        [new ThreadMemberView("ann@example.com", "Ann", MemberRole.Member), new ThreadMemberView("bob@example.com", "Bob", MemberRole.Owner)]);
}
