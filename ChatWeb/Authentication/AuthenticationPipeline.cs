namespace ChatWeb.Authentication;

internal static class AuthenticationPipeline
{
    /// <summary>
    /// Authentication, then the check that the sign-in is still good, then authorization: in this
    /// order, so a revoked cookie or token is anonymous before any endpoint decides. Forwarded
    /// headers, when configured, must come before this (the cookies' Secure flag follows the scheme).
    /// </summary>
    public static WebApplication UseChatAuthentication(this WebApplication app)
    {
        app.UseMiddleware<LocalAccountsGuard>();
        app.UseAuthentication();
        app.UseMiddleware<SessionCheckMiddleware>();
        app.UseAuthorization();
        return app;
    }
}
