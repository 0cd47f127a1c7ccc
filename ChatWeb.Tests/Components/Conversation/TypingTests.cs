using Bunit;
using ChatWeb.Realtime;
using ChatWeb.Tests.Components.Fakes;
using Xunit;

namespace ChatWeb.Tests.Components.Conversation;

public sealed class TypingTests : ConversationTestContext
{
    private readonly ManualTimeProvider clock;

    public TypingTests()
        : this(new ManualTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)))
    {
    }

    private TypingTests(ManualTimeProvider clock)
        : base(clock) => this.clock = clock;

    [Fact]
    public async Task TypingIndicator_NoNewNoticeForFourSeconds_Clears()
    {
        var (cut, thread, bob) = await OpenDirectAsync();
        await Events.RaiseAsync(new TypingNotice(thread, bob.UserName, bob.DisplayName));
        cut.WaitForElement("[data-testid=typing-indicator]");

        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.NotEmpty(cut.FindAll("[data-testid=typing-indicator]"));
        clock.Advance(TimeSpan.FromSeconds(1.5));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=typing-indicator]")));
    }

    [Fact]
    public async Task TypingIndicator_RepeatedNotice_StaysUp()
    {
        var (cut, thread, bob) = await OpenDirectAsync();
        await Events.RaiseAsync(new TypingNotice(thread, bob.UserName, bob.DisplayName));
        cut.WaitForElement("[data-testid=typing-indicator]");

        clock.Advance(TimeSpan.FromSeconds(3));
        await Events.RaiseAsync(new TypingNotice(thread, bob.UserName, bob.DisplayName));
        clock.Advance(TimeSpan.FromSeconds(3));

        Assert.NotEmpty(cut.FindAll("[data-testid=typing-indicator]"));
    }

    [Fact]
    public async Task Composer_StillTypingAfterTwoSeconds_SendsAnotherNotice()
    {
        var (cut, thread, _) = await OpenDirectAsync();

        await cut.Find("[data-testid=composer-input]").InputAsync(new() { Value = "h" });
        clock.Advance(TimeSpan.FromSeconds(1));
        await cut.Find("[data-testid=composer-input]").InputAsync(new() { Value = "he" });
        clock.Advance(TimeSpan.FromSeconds(1.1));
        await cut.Find("[data-testid=composer-input]").InputAsync(new() { Value = "hey" });

        Assert.Equal([thread, thread], Events.TypingSent);
    }

    private async Task<(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> Cut, Guid ThreadId, CurrentUser Peer)> OpenDirectAsync()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var thread = await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        SignIn(ann);
        var cut = RenderConversation(thread.Id);
        cut.WaitForElement("[data-testid=composer-input]");
        return (cut, thread.Id, bob);
    }
}
