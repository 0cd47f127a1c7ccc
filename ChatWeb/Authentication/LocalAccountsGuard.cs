namespace ChatWeb.Authentication;

/// <summary>
/// With <c>Authentication:LocalAccounts=false</c> people sign in only through the company's
/// provider: registering and anything to do with a ChatWeb password is refused, on the pages and
/// on /api/auth alike (the pages do not offer them either).
/// </summary>
internal sealed class LocalAccountsGuard(RequestDelegate next, AuthenticationSettings settings, ILogger<LocalAccountsGuard> logger)
{
    private static readonly string[] ApiPaths = ["/api/auth/register", "/api/auth/login", "/api/auth/forgotPassword", "/api/auth/resetPassword"];
    private static readonly string[] PagePaths =
        ["/Account/Register", "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/Manage/ChangePassword", "/Account/Manage/SetPassword"];

    public Task InvokeAsync(HttpContext context)
    {
        if (settings.LocalAccounts)
        {
            return next(context);
        }
        var path = context.Request.Path;
        if (ApiPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            logger.LogInformation("Refused {Path}: local accounts are turned off.", path);
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Local accounts are turned off",
                detail: $"Sign in with {settings.OpenIdConnect.DisplayName} instead.").ExecuteAsync(context);
        }
        var passwordLogin = path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase) && HttpMethods.IsPost(context.Request.Method);
        if (passwordLogin || PagePaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            logger.LogInformation("Refused {Path}: local accounts are turned off.", path);
            context.Response.Redirect("/Account/Login");
            return Task.CompletedTask;
        }
        return next(context);
    }
}
