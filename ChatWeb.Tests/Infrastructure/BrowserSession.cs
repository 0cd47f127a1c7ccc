using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Xunit;

namespace ChatWeb.Tests.Infrastructure;

/// <summary>
/// Reads pages and submits their forms over one cookie-keeping client, the way a browser without
/// JavaScript would: hidden fields (antiforgery token, <c>_handler</c>, return URL) travel with the post.
/// </summary>
public sealed class BrowserSession(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public async Task<HtmlPage> GetAsync(string url)
    {
        var response = await Client.GetAsync(url, TestContext.Current.CancellationToken);
        return await HtmlPage.LoadAsync(response, TestContext.Current.CancellationToken);
    }

    /// <summary>Posts the form url-encoded to its action; <paramref name="fields"/> fill or override its inputs.</summary>
    public async Task<HtmlPage> SubmitAsync(IHtmlFormElement form, IReadOnlyDictionary<string, string> fields)
    {
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden][name]")
            .ToDictionary(input => input.Name!, input => input.Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        using var content = new FormUrlEncodedContent(values);
        var response = await Client.PostAsync(form.Action, content, TestContext.Current.CancellationToken);
        return await HtmlPage.LoadAsync(response, TestContext.Current.CancellationToken);
    }

    /// <summary>Gets a page and submits its Blazor form <paramref name="formName"/>.</summary>
    public async Task<HtmlPage> SubmitAsync(string url, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var page = await GetAsync(url);
        return await SubmitAsync(page.FormNamed(formName), fields);
    }

    public void Dispose() => Client.Dispose();
}
