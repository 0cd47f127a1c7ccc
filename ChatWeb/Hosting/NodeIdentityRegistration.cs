namespace ChatWeb.Hosting;

internal static class NodeIdentityRegistration
{
    public static IServiceCollection AddNodeIdentity(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(NodeIdentity.From(configuration));

    /// <summary>Names the node on every response, pages, hub negotiations and health checks alike.</summary>
    public static IApplicationBuilder UseNodeHeader(this IApplicationBuilder app)
    {
        var node = app.ApplicationServices.GetRequiredService<NodeIdentity>();
        return app.Use((context, next) =>
        {
            context.Response.Headers[NodeIdentity.HeaderName] = node.Name;
            return next(context);
        });
    }
}
