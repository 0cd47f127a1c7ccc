using Microsoft.Playwright;

namespace ChatWeb.BrowserTests.Infrastructure;

public sealed class ConversationPane(IPage page)
{
    public IPage Page => page;
}
