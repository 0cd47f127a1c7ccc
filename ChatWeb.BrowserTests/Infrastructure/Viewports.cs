using Microsoft.Playwright;

namespace ChatWeb.BrowserTests.Infrastructure;

public static class Viewports
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    /// <summary>A common phone (iPhone 12–15 class) in portrait.</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
}
