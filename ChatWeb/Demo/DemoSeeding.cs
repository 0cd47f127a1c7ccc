using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Demo;

internal static class DemoSeeding
{
    /// <summary>With <c>Demo:Seed=true</c>, seeds the demo company into an empty database before the app serves anyone.</summary>
    public static async Task SeedDemoIfAskedAsync(this WebApplication app)
    {
        var options = app.Configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions();
        if (!options.Seed)
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var seeder = new DemoSeeder(
            services.GetRequiredService<ChatDbContext>(),
            services.GetRequiredService<UserManager<ChatUser>>(),
            services.GetRequiredService<IDbContextFactory<ChatDbContext>>(),
            services.GetRequiredService<IMessageStore>(),
            options,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>());
        await seeder.SeedAsync(app.Lifetime.ApplicationStopping);
    }
}
