using System.Net.Sockets;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChatWeb.Authentication;

/// <summary>Why a sign-in through the company's provider did not work, as the failure page explains it.</summary>
internal static class ExternalSignInFailure
{
    public const string PagePath = "/Account/ExternalLoginFailed";

    public const string ProviderUnavailable = "provider-unavailable";
    public const string Cancelled = "cancelled";
    public const string Rejected = "rejected";
    public const string EmailMissing = "email-missing";
    public const string EmailUnverified = "email-unverified";
    public const string Deactivated = "deactivated";
    public const string LockedOut = "locked-out";
    public const string NotAllowed = "not-allowed";

    public static string PageFor(string reason) => $"{PagePath}?reason={reason}";

    /// <summary>A response the app would not accept (state, nonce, issuer, signature), a refusal at the provider, or a provider out of reach.</summary>
    public static Task HandleAsync(RemoteFailureContext context)
    {
        var reason = Classify(context.Failure);
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExternalSignInFailure).FullName!);
        if (reason == ProviderUnavailable)
        {
            logger.LogWarning("Sign-in through the company's provider failed: the provider could not be reached ({Message}).", context.Failure?.Message);
        }
        else
        {
            logger.LogInformation("Sign-in through the company's provider refused ({Reason}): {Message}", reason, context.Failure?.Message);
        }
        context.Response.Redirect(PageFor(reason));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    public static string Classify(Exception? failure)
    {
        if (IsUnreachable(failure))
        {
            return ProviderUnavailable;
        }
        return failure is OpenIdConnectProtocolException { Message: var message } && message.Contains("access_denied", StringComparison.Ordinal)
            ? Cancelled
            : Rejected;
    }

    /// <summary>The provider's address did not answer: a refused connection, a timeout, a name that did not resolve.</summary>
    public static bool IsUnreachable(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or SocketException or IOException or TimeoutException or TaskCanceledException)
            {
                return true;
            }
        }
        return false;
    }
}
