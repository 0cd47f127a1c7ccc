using Microsoft.Playwright;

namespace ChatWeb.BrowserTests.Infrastructure;

public sealed class NewChatDialog(IPage page)
{
    public IPage Page => page;
}
