namespace ChatWeb.Hosting;

internal static class NodeIdentityRegistration
{
    /// <summary>
    /// Names the node on every response: pages, hub negotiations, refusals and health checks alike.
    /// A startup filter puts it ahead of the whole pipeline, the authorization that answers 401s
    /// included, and the header is set as the headers go out, after anything that clears them.
    /// </summary>
    public static IServiceCollection AddNodeIdentity(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(NodeIdentity.From(configuration))
            .AddTransient<IStartupFilter, NodeHeaderStartupFilter>();

    private sealed class NodeHeaderStartupFilter(NodeIdentity node) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var response = context.Response;
                response.OnStarting(() =>
                {
                    response.Headers[NodeIdentity.HeaderName] = node.Name;
                    return Task.CompletedTask;
                });
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
