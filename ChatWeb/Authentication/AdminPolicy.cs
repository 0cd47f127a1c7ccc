using System.Security.Claims;
using ChatWeb.Domain.Administration;
using Microsoft.AspNetCore.Authorization;

namespace ChatWeb.Authentication;

/// <summary>
/// The "Admin" policy: a signed-in person whom the database holds to be an active administrator
/// now. The role claim in a cookie may be minutes old; this is not.
/// </summary>
internal sealed class AdminPolicy : AuthorizationHandler<AdminPolicy.Requirement>
{
    public const string Name = "Admin";

    private readonly AdminDirectory directory;

    public AdminPolicy(AdminDirectory directory) => this.directory = directory;

    public static void Add(AuthorizationOptions options) =>
        options.AddPolicy(Name, policy => policy.RequireAuthenticatedUser().AddRequirements(new Requirement()));

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, Requirement requirement)
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && await directory.IsAdminAsync(userId))
        {
            context.Succeed(requirement);
        }
    }

    internal sealed class Requirement : IAuthorizationRequirement;
}
