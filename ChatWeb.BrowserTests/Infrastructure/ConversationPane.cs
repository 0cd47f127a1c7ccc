using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>The open conversation: header, messages, composer and the settings panel.</summary>
public sealed partial class ConversationPane(IPage page)
{
    public ILocator Root => page.GetByTestId("conversation");
    public ILocator Title => page.GetByTestId("conversation-title");
    public ILocator Messages => page.GetByTestId("message");
    public ILocator Scroller => page.GetByTestId("message-scroller");
    public ILocator Input => page.GetByTestId("composer-input");
    public ILocator SendButton => page.GetByTestId("send-button");
    public ILocator TypingIndicator => page.GetByTestId("typing-indicator");
    public ILocator JumpToLatest => page.GetByTestId("jump-to-latest");
    public ILocator BackToList => page.GetByTestId("back-to-list");
    public ILocator NotFound => page.GetByTestId("conversation-not-found");
    public ILocator PresenceDot => Root.GetByTestId("presence-dot");

    public ILocator SettingsButton => page.GetByTestId("thread-settings");
    public ILocator SettingsPanel => page.GetByTestId("settings-panel");
    public ILocator MuteToggle => page.Locator("input[data-testid=mute-toggle], [data-testid=mute-toggle] input").First;
    public ILocator NicknameInput => page.Locator("input[data-testid=nickname-input], [data-testid=nickname-input] input").First;
    public ILocator NicknameSave => page.GetByTestId("nickname-save");
    public ILocator RenameInput => page.Locator("input[data-testid=rename-input], [data-testid=rename-input] input").First;
    public ILocator RenameSave => page.GetByTestId("rename-save");
    public ILocator LeaveGroup => page.GetByTestId("leave-group");
    public ILocator CloseSettings => page.GetByTestId("close-settings");

    public ILocator Message(long seq) => page.Locator($"[data-testid=message][data-seq='{seq}']");

    public ILocator MessageWithText(string text) =>
        Messages.Filter(new LocatorFilterOptions { Has = page.Locator(".body", new PageLocatorOptions { HasTextString = text }) });

    public static ILocator Body(ILocator message) => message.Locator(".body");

    /// <summary>
    /// Waits until the page has moved on from <paramref name="previousUrl"/> to a conversation,
    /// and that conversation is shown; returns its thread id.
    /// </summary>
    public async Task<Guid> WaitForNewThreadAsync(string previousUrl)
    {
        // Polling assertions, not WaitForURLAsync: that waits for a navigation event, and the app
        // moves between conversations by history.pushState, which that wait did not always resolve on.
        await Expect(page).Not.ToHaveURLAsync(previousUrl);
        await Expect(page).ToHaveURLAsync(ThreadUrl());
        var threadId = Guid.Parse(ThreadUrl().Match(page.Url).Groups["id"].Value);
        await Expect(page.Locator($"[data-testid=conversation][data-thread-id='{threadId}']")).ToBeVisibleAsync();
        return threadId;
    }

    /// <summary>Types the text and presses Enter; returns once the server has acknowledged it.</summary>
    public async Task SendAsync(string text)
    {
        await Input.FillAsync(text);
        await Input.PressAsync("Enter");
        await Expect(MessageWithText(text).Last).ToHaveAttributeAsync("data-status", "sent");
        await Expect(Input).ToHaveValueAsync("");
    }

    public async Task OpenSettingsAsync()
    {
        await SettingsButton.ClickAsync();
        await Expect(SettingsPanel).ToBeInViewportAsync(new() { Ratio = 1 });
    }

    [GeneratedRegex(@"/chat/(?<id>[0-9a-fA-F-]{36})$")]
    private static partial Regex ThreadUrl();
}
