using ChatWeb.Domain.Chat;
using Microsoft.Extensions.DependencyInjection;

namespace ChatWeb.Tests.Infrastructure;

/// <summary>
/// A send allowance that tests seeding history never reach: they send hundreds of messages as one
/// person in a moment, or on a clock that never moves. The allowance itself is tested in SendQuotaTests.
/// </summary>
public static class SeedingQuota
{
    public static IServiceCollection AddSeedingQuota(this IServiceCollection services) =>
        services.Configure<SendRateLimitOptions>(o =>
        {
            o.Burst = 1_000_000;
            o.PerSecond = 1_000_000;
        });
}
