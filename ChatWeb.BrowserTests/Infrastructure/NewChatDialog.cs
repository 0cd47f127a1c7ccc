using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>The new-chat dialog: find people, then start a direct chat or create a group.</summary>
public sealed class NewChatDialog(IPage page)
{
    // MudBlazor may put a test id on the field's wrapper or on the input itself; accept either.
    public ILocator Search => page.Locator("input[data-testid=people-search], [data-testid=people-search] input").First;

    public ILocator GroupTitle => page.Locator("input[data-testid=group-title], [data-testid=group-title] input").First;

    public ILocator Result(Person person) => page.Locator($"[data-testid=person-result][data-username='{person.Email}']");

    public ILocator StartChatButton => page.GetByTestId("start-chat");

    public ILocator CreateGroupButton => page.GetByTestId("create-group");

    public async Task OpenAsync()
    {
        await page.GetByTestId("new-chat").ClickAsync();
        await Expect(Search).ToBeVisibleAsync();
    }

    /// <summary>Searches for the person by their unique handle and ticks them.</summary>
    public async Task PickAsync(Person person)
    {
        await Search.FillAsync(person.Handle);
        await Result(person).ClickAsync();
    }

    /// <summary>Starts a direct chat (from anywhere but that chat itself) and returns its thread id once it is open.</summary>
    public async Task<Guid> StartDirectChatAsync(Person other)
    {
        var before = page.Url;
        await OpenAsync();
        await PickAsync(other);
        await StartChatButton.ClickAsync();
        return await new ConversationPane(page).WaitForNewThreadAsync(before);
    }

    public async Task<Guid> CreateGroupAsync(string title, params Person[] members)
    {
        var before = page.Url;
        await OpenAsync();
        foreach (var member in members)
        {
            await PickAsync(member);
        }
        await GroupTitle.FillAsync(title);
        await CreateGroupButton.ClickAsync();
        return await new ConversationPane(page).WaitForNewThreadAsync(before);
    }
}
