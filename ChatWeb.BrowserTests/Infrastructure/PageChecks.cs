using Microsoft.Playwright;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>Small facts about a page that Playwright's assertions do not cover.</summary>
public static class PageChecks
{
    private const string Marker = "__chatWebNotReloaded";

    /// <summary>Marks the loaded document; <see cref="WasNotReloadedAsync"/> is true only while the same document stays.</summary>
    public static Task MarkDocumentAsync(IPage page) => page.EvaluateAsync($"() => {{ window.{Marker} = true; }}");

    public static Task<bool> WasNotReloadedAsync(IPage page) => page.EvaluateAsync<bool>($"() => window.{Marker} === true");

    public static Task<string> ComputedStyleAsync(ILocator element, string property) =>
        element.EvaluateAsync<string>("(el, p) => getComputedStyle(el).getPropertyValue(p)", property);

    /// <summary>The horizontal centre of an element, in page pixels.</summary>
    public static async Task<double> CenterXAsync(ILocator element)
    {
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException("The element is not laid out.");
        return box.X + box.Width / 2;
    }

    /// <summary>True when the scrollable element shows its last pixel (within a little slack for rounding).</summary>
    public static Task<bool> IsScrolledToBottomAsync(ILocator scroller) =>
        scroller.EvaluateAsync<bool>("el => el.scrollHeight - el.scrollTop - el.clientHeight <= 4");

    public static async Task<long[]> SeqsAsync(ILocator messages) =>
        (await messages.EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('data-seq'))")).Select(long.Parse).ToArray();
}
