using ChatWeb.Realtime;

namespace ChatWeb.Hosting;

internal static class RealtimeRegistration
{
    public static IServiceCollection AddChatRealtime(this IServiceCollection services)
    {
        services.AddScoped<ICurrentUserAccessor, CurrentUserAccessor>();
        return services;
    }
}
