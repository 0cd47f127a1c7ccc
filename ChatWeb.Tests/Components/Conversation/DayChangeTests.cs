using Bunit;
using ChatWeb.Components.Conversation;
using ChatWeb.Components.Shared;
using ChatWeb.Tests.Components.Fakes;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Xunit;

namespace ChatWeb.Tests.Components.Conversation;

public sealed class DayChangeTests : ConversationTestContext
{
    private readonly ManualTimeProvider clock;

    public DayChangeTests()
        : this(new ManualTimeProvider(new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero)))
    {
    }

    private DayChangeTests(ManualTimeProvider clock)
        : base(clock) => this.clock = clock;

    [Fact]
    public async Task PageLeftOpenPastMidnight_TodayBecomesYesterday()
    {
        var cut = await OpenWithMessageAsync();

        clock.Advance(TimeSpan.FromHours(1));

        cut.WaitForAssertion(() => Assert.Equal("Yesterday", cut.Find(".day-separator").TextContent));
    }

    [Fact]
    public async Task Midnight_NoMessageArrives_TheLabelTurnsAsMidnightStrikes()
    {
        var cut = await OpenWithMessageAsync();
        // The page opened at 23:30:00.250: a tick every minute from then would turn the label a quarter second late.
        clock.Advance(TimeSpan.FromMinutes(29) + TimeSpan.FromSeconds(59.5));
        Assert.Equal("Today", cut.Find(".day-separator").TextContent);

        clock.Advance(TimeSpan.FromSeconds(0.5));

        cut.WaitForAssertion(() => Assert.Equal("Yesterday", cut.Find(".day-separator").TextContent));
    }

    private async Task<IRenderedComponent<LocalClockProvider>> OpenWithMessageAsync()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var thread = await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        await SendAsync(bob, thread.Id, "Still up?");
        SignIn(ann);
        clock.Advance(TimeSpan.FromMilliseconds(250));
        // Inside the page's own clock provider, as the chat page renders it.
        var cut = Render<LocalClockProvider>(p => p.AddChildContent(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<ConversationView>(1);
            builder.AddAttribute(2, nameof(ConversationView.ThreadId), thread.Id);
            builder.CloseComponent();
        }));
        cut.WaitForAssertion(() => Assert.Equal("Today", cut.Find(".day-separator").TextContent));
        return cut;
    }
}
