using System.Security.Claims;
using ChatWeb.Authentication;
using ChatWeb.Domain.Administration;
using ChatWeb.Domain.Chat;

namespace ChatWeb.Administration;

/// <summary>
/// The admin page's actions for scripts (an offboarding job, say), administrators only: everyone
/// else gets 403 and nothing changes. Shapes: docs/admin-api.md.
/// </summary>
internal static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/admin")
            .RequireAuthorization(AdminPolicy.Name)
            .AddEndpointFilter(RefusalsAsProblems)
            .WithTags("Admin");

        admin.MapGet("/people", (ClaimsPrincipal user, AdminDirectory directory, string? query, int? page, int? pageSize, CancellationToken ct) =>
            directory.SearchPeopleAsync(ActorId(user), query, page ?? 0, pageSize ?? AdminDirectory.PeoplePageSize, ct));

        admin.MapGet("/audit", (ClaimsPrincipal user, AdminDirectory directory, int? page, CancellationToken ct) =>
            directory.AuditAsync(ActorId(user), page ?? 0, ct));

        MapAction(admin, "deactivate", (service, actor, userName, ct) => service.DeactivateAsync(actor, userName, ct));
        MapAction(admin, "reactivate", (service, actor, userName, ct) => service.ReactivateAsync(actor, userName, ct));
        MapAction(admin, "unlock", (service, actor, userName, ct) => service.UnlockAsync(actor, userName, ct));
        MapAction(admin, "grant-admin", (service, actor, userName, ct) => service.GrantAdminAsync(actor, userName, ct));
        MapAction(admin, "revoke-admin", (service, actor, userName, ct) => service.RevokeAdminAsync(actor, userName, ct));
        return endpoints;
    }

    private static void MapAction(RouteGroupBuilder admin, string action, Func<AdministrationService, string, string, CancellationToken, Task> run) =>
        admin.MapPost($"/people/{{userName}}/{action}", async (string userName, ClaimsPrincipal user, AdministrationService service, AdminDirectory directory, CancellationToken ct) =>
        {
            // Not the request's token: a script stopped halfway must not leave the change half-announced.
            await run(service, ActorId(user), userName, CancellationToken.None);
            return await directory.GetPersonAsync(ActorId(user), userName, ct);
        });

    private static string ActorId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static async ValueTask<object?> RefusalsAsProblems(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ChatException ex)
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminApi).FullName!);
            logger.LogInformation("Admin API refused {Path}: {Reason}", context.HttpContext.Request.Path, ex.Message);
            var status = ex.Kind switch
            {
                ChatErrorKind.NotFound => StatusCodes.Status404NotFound,
                ChatErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status400BadRequest,
            };
            return TypedResults.Problem(statusCode: status, detail: ex.Message);
        }
    }
}
