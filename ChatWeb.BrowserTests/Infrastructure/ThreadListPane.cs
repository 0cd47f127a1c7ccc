using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>The sidebar's conversation list, as a person sees it.</summary>
public sealed class ThreadListPane(IPage page)
{
    public ILocator Items => page.GetByTestId("thread-item");

    public ILocator Item(Guid threadId) => page.Locator($"[data-testid=thread-item][data-thread-id='{threadId}']");

    public static ILocator UnreadBadge(ILocator item) => item.GetByTestId("unread-badge");

    public static ILocator PresenceDot(ILocator item) => item.GetByTestId("presence-dot");

    public static ILocator Name(ILocator item) => item.Locator(".thread-name");

    public ILocator NewChatButton => page.GetByTestId("new-chat");

    /// <summary>Clicks the conversation and waits until it is the one shown.</summary>
    public async Task OpenAsync(Guid threadId)
    {
        await Item(threadId).ClickAsync();
        await Expect(page.Locator($"[data-testid=conversation][data-thread-id='{threadId}']")).ToBeVisibleAsync();
    }
}
