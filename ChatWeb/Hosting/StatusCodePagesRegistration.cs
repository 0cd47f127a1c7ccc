using Microsoft.AspNetCore.Diagnostics;

namespace ChatWeb.Hosting;

internal static class StatusCodePagesRegistration
{
    /// <summary>
    /// Empty error responses of pages show the "not found" page; API and hub responses keep their bare
    /// status code. Re-executing an API POST as a page would turn an honest 401 into a misleading 400.
    /// </summary>
    public static WebApplication UseChatStatusCodePages(this WebApplication app)
    {
        // Registered on the app itself, not in a UseWhen branch: a branch loses the routing the re-execution needs.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            if (AuthSchemes.IsApiRequest(context) && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }
            return next(context);
        });
        return app;
    }
}
