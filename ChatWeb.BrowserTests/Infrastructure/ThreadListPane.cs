using Microsoft.Playwright;

namespace ChatWeb.BrowserTests.Infrastructure;

public sealed class ThreadListPane(IPage page)
{
    public IPage Page => page;
}
