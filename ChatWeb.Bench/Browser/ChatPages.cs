using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ChatWeb.Bench.Browser;

/// <summary>One person's browser (a context of its own, so its own cookie) with the chat page open.</summary>
internal sealed record ChatPage(string UserName, IBrowserContext Context, IPage Page);

/// <summary>
/// Headless Chromium (Debian's, never a downloaded build) with one signed-in chat page per person,
/// showing the thread list and, once opened, one conversation. Each page with a conversation records, in the
/// browser's own clock, when Enter was pressed in its composer and when each message body first
/// appeared in its conversation, so typing-to-shown latency is read off one clock.
/// </summary>
internal sealed partial class ChatPages(Uri baseUrl) : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Installed in every page after it loads: the time of each Enter in a composer, and the first
    // time each message body was in the page.
    private const string Recorder = """
        () => {
            window.__sentAt = 0;
            window.__shownAt = {};
            document.addEventListener('keydown', e => { if (e.key === 'Enter' && !e.shiftKey) window.__sentAt = Date.now(); }, true);
            const note = () => {
                const now = Date.now();
                for (const body of document.querySelectorAll('[data-testid=message] .body')) {
                    const text = body.textContent.trim();
                    if (!(text in window.__shownAt)) window.__shownAt[text] = now;
                }
            };
            new MutationObserver(note).observe(document.body, { childList: true, subtree: true, characterData: true });
            note();
        }
        """;

    private IPlaywright? playwright;
    private IBrowser? browser;
    private readonly List<ChatPage> pages = [];

    public IReadOnlyList<ChatPage> Pages => pages;

    public async Task LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium).");
        }
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// Signs the person in through the login form and opens the chat page with no conversation, as
    /// a person has it between conversations; returns once its circuit is live and the list is loaded.
    /// </summary>
    public async Task<ChatPage> OpenAsync(string userName, string password)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl.ToString(), ViewportSize = new() { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        await SignInAsync(context, userName, password);
        var page = await context.NewPageAsync();
        await page.GotoAsync("", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.Locator("[data-testid=thread-item]").First.WaitForAsync();
        var chat = new ChatPage(userName, context, page);
        lock (pages)
        {
            pages.Add(chat);
        }
        return chat;
    }

    /// <summary>Opens a conversation from the page's thread list (in the same circuit, as a click does) and waits for its messages.</summary>
    public static async Task OpenConversationAsync(ChatPage chat, Guid threadId)
    {
        await chat.Page.Locator($"[data-testid=thread-item][data-thread-id='{threadId}']").ClickAsync();
        await chat.Page.Locator($"[data-testid=conversation][data-thread-id='{threadId}']").WaitForAsync();
        await chat.Page.Locator("[data-testid=message]").First.WaitForAsync();
        await chat.Page.EvaluateAsync(Recorder);
    }

    public async Task CloseAsync(ChatPage page)
    {
        lock (pages)
        {
            pages.Remove(page);
        }
        await page.Context.CloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
    }

    /// <summary>Posts the login form from the browser's own request context, so the cookie lands in that browser.</summary>
    private static async Task SignInAsync(IBrowserContext context, string userName, string password)
    {
        var form = await context.APIRequest.GetAsync("Account/Login");
        var html = await form.TextAsync();
        var data = context.APIRequest.CreateFormData();
        foreach (Match hidden in HiddenInput().Matches(html))
        {
            data.Set(WebUtility.HtmlDecode(hidden.Groups["name"].Value), WebUtility.HtmlDecode(hidden.Groups["value"].Value));
        }
        data.Set("Input.Email", userName);
        data.Set("Input.Password", password);
        var response = await context.APIRequest.PostAsync("Account/Login", new APIRequestContextOptions { Form = data, MaxRedirects = 0 });
        if (response.Status != (int)HttpStatusCode.Redirect && response.Status != (int)HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Signing {userName} in answered {response.Status}, not a redirect.");
        }
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenInput();
}
