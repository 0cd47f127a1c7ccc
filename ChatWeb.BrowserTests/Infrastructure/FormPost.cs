using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>
/// Submits one of the app's static forms over the browser context's own request API, so the
/// cookies it sets land in that browser. For set-up steps that are not what a test is about:
/// it skips rendering the form page but posts exactly what the page would.
/// </summary>
internal static partial class FormPost
{
    public static async Task SubmitAsync(IBrowserContext context, string path, IReadOnlyDictionary<string, string> fields)
    {
        var form = await context.APIRequest.GetAsync(path);
        var html = await form.TextAsync();
        var data = context.APIRequest.CreateFormData();
        // The hidden fields carry the antiforgery token and the Blazor form name (_handler).
        foreach (Match hidden in HiddenInput().Matches(html))
        {
            data.Set(WebUtility.HtmlDecode(hidden.Groups["name"].Value), WebUtility.HtmlDecode(hidden.Groups["value"].Value));
        }
        foreach (var (name, value) in fields)
        {
            data.Set(name, value);
        }

        var response = await context.APIRequest.PostAsync(path, new APIRequestContextOptions { Form = data, MaxRedirects = 0 });
        if (response.Status != (int)HttpStatusCode.Redirect && response.Status != (int)HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Posting {path} answered {response.Status}, not a redirect: {await response.TextAsync()}");
        }
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenInput();
}
