using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ChatWeb.Tests.Infrastructure;

/// <summary>A response and its parsed HTML, with the questions tests ask of a server-rendered page.</summary>
public sealed class HtmlPage(HttpResponseMessage response, IDocument document)
{
    public HttpResponseMessage Response { get; } = response;

    public IDocument Document { get; } = document;

    public HttpStatusCode StatusCode => Response.StatusCode;

    /// <summary>Where a redirect points, as a path and query relative to the site ("/Account/Lockout").</summary>
    public string? RedirectTarget => Response.Headers.Location is { } location
        ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString)
        : null;

    /// <summary>Every error and status message the page shows (elements with role="alert").</summary>
    public IReadOnlyList<string> Alerts =>
        Document.QuerySelectorAll("[role=alert]").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();

    public static async Task<HtmlPage> LoadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var html = await response.Content.ReadAsStringAsync(ct);
        // Parsing at the request's address lets the form's Action resolve against <base href> as a browser would.
        var address = response.RequestMessage?.RequestUri?.AbsoluteUri ?? "http://localhost/";
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(request => request.Content(html).Address(address), ct);
        return new HtmlPage(response, document);
    }

    /// <summary>A Blazor form by its FormName (the hidden <c>_handler</c> field).</summary>
    public IHtmlFormElement FormNamed(string formName) =>
        Document.Forms.FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
        ?? throw new InvalidOperationException($"No form named '{formName}' on {Document.Url} ({StatusCode}).");

    public IHtmlFormElement Form(string selector) =>
        Document.QuerySelector<IHtmlFormElement>(selector)
        ?? throw new InvalidOperationException($"No form '{selector}' on {Document.Url} ({StatusCode}).");

    public string Text(string selector) =>
        Document.QuerySelector(selector)?.TextContent.Trim()
        ?? throw new InvalidOperationException($"Nothing matches '{selector}' on {Document.Url} ({StatusCode}).");
}
