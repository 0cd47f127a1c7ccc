using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>
/// One browser a person uses (a browser context: its own cookies), with the page they are looking at.
/// A second device of the same person is a second context that logs in again.
/// </summary>
public sealed class Device : IAsyncDisposable
{
    private readonly Uri baseUrl;

    private Device(Person person, IBrowserContext context, IPage page, Uri baseUrl)
    {
        Person = person;
        Context = context;
        Page = page;
        this.baseUrl = baseUrl;
    }

    public Person Person { get; }
    public IBrowserContext Context { get; }
    public IPage Page { get; private set; }

    public ThreadListPane Threads => new(Page);
    public ConversationPane Conversation => new(Page);
    public NewChatDialog NewChat => new(Page);

    public static async Task<Device> OpenAsync(BrowserHost host, Uri baseUrl, Person person, ViewportSize? viewport = null)
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = viewport ?? Viewports.Desktop,
            DeviceScaleFactor = 1,
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout((float)Timeouts.Step.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Timeouts.PageLoad.TotalMilliseconds);
        var page = await context.NewPageAsync();
        return new Device(person, context, page, baseUrl);
    }

    /// <summary>Creates the person's account through the registration form; they land signed in on the chat page.</summary>
    public async Task RegisterAsync()
    {
        await Page.GotoAsync("Account/Register");
        await Page.Locator("#Input\\.DisplayName").FillAsync(Person.DisplayName);
        await Page.Locator("#Input\\.Email").FillAsync(Person.Email);
        await Page.Locator("#Input\\.Password").FillAsync(Person.Password);
        await Page.Locator("#Input\\.ConfirmPassword").FillAsync(Person.Password);
        await Page.Locator("#register-submit").ClickAsync();
        await WaitUntilSignedInAsync();
    }

    /// <summary>
    /// Creates the account by posting the registration form straight from this browser, then opens
    /// the chat page signed in: the quick way for scenarios that are not about registering.
    /// </summary>
    public async Task SignUpAsync()
    {
        await FormPost.SubmitAsync(Context, "Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = Person.DisplayName,
            ["Input.Email"] = Person.Email,
            ["Input.Password"] = Person.Password,
            ["Input.ConfirmPassword"] = Person.Password,
        });
        await GoToAsync();
        await Expect(Page.Locator(".signed-in-user")).ToHaveTextAsync(Person.DisplayName);
    }

    /// <summary>Logs in by posting the login form straight from this browser, then opens the chat page.</summary>
    public async Task SignInAsync()
    {
        await FormPost.SubmitAsync(Context, "Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = Person.Email,
            ["Input.Password"] = Person.Password,
        });
        await GoToAsync();
        await Expect(Page.Locator(".signed-in-user")).ToHaveTextAsync(Person.DisplayName);
    }

    /// <summary>
    /// Signs in through the company's provider as a person would: the login page's button, then the
    /// provider's own login and consent pages, back in the chat.
    /// </summary>
    public async Task SignInWithCompanyAccountAsync()
    {
        await Page.GotoAsync("Account/Login");
        await Page.Locator("#external-login").ClickAsync();
        await Page.Locator("input[name=login]").FillAsync(Person.Handle);
        await Page.Locator("input[name=password]").FillAsync(Person.Password);
        await Page.Locator("button[type=submit]").ClickAsync();
        // The provider asks once whether ChatWeb may have the person's profile and email.
        await Expect(Page.Locator("input[name=prompt][value=consent]")).ToHaveCountAsync(1);
        await Page.Locator("button[type=submit]").ClickAsync();
        await WaitUntilSignedInAsync();
    }

    public async Task LogInAsync()
    {
        await Page.GotoAsync("Account/Login");
        await Page.Locator("#Input\\.Email").FillAsync(Person.Email);
        await Page.Locator("#Input\\.Password").FillAsync(Person.Password);
        await Page.Locator("#login-submit").ClickAsync();
        await WaitUntilSignedInAsync();
    }

    /// <summary>Logs out from the account menu, as a person would.</summary>
    public async Task LogOutAsync()
    {
        await OpenAccountMenuAsync();
        await Page.Locator("#logout").ClickAsync();
        await Expect(Page.Locator(".signed-in-user")).ToHaveCountAsync(0);
    }

    /// <summary>Opens the menu behind the person's initials in the app bar (account settings, theme, log out).</summary>
    public async Task OpenAccountMenuAsync()
    {
        await Page.Locator("#account-menu-button").ClickAsync();
        await Expect(Page.Locator("#logout")).ToBeVisibleAsync();
        // The menu fades in: until it is opaque its text is paler than it will be, and a contrast
        // check caught mid-fade (the accessibility scan) reports colours no one sees for long.
        await Page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('.mud-popover-open')].every(p => getComputedStyle(p).opacity === '1')");
    }

    /// <summary>Opens an app path (e.g. "" or "chat/{id}") and waits for the interactive circuit.</summary>
    public async Task GoToAsync(string path = "")
    {
        // The circuit being up is the readiness that matters, and it comes after the load event anyway.
        await Page.GotoAsync(new Uri(baseUrl, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await WaitUntilInteractiveAsync();
    }

    /// <summary>Before this, clicks land on prerendered markup that has no event handlers yet.</summary>
    public Task WaitUntilInteractiveAsync() =>
        Expect(Page.Locator("[data-interactive=true]")).ToHaveCountAsync(1, new() { Timeout = (float)Timeouts.PageLoad.TotalMilliseconds });

    /// <summary>Closes the page (the tab), keeping the context: the person can come back signed in.</summary>
    public Task CloseTabAsync() => Page.CloseAsync();

    /// <summary>Opens a new tab in the same browser and goes to the app.</summary>
    public async Task ReopenAsync(string path = "")
    {
        Page = await Context.NewPageAsync();
        await GoToAsync(path);
    }

    public ValueTask DisposeAsync() => new(Context.CloseAsync());

    private async Task WaitUntilSignedInAsync()
    {
        await Expect(Page.Locator(".signed-in-user")).ToHaveTextAsync(Person.DisplayName);
        await WaitUntilInteractiveAsync();
    }
}
