using System.Net.Mail;
using System.Security.Claims;
using ChatWeb.Domain.Entities;

namespace ChatWeb.Authentication;

/// <summary>
/// Who the company's provider says signed in. ChatWeb names people by email, so an email the
/// provider has verified is required: without one there is nobody to create or link.
/// </summary>
internal sealed record ExternalIdentity(string Email, string? DisplayName)
{
    /// <summary>The identity, or the reason it is refused (<see cref="ExternalSignInFailure"/>).</summary>
    public static (ExternalIdentity? Identity, string? Refusal) From(ClaimsPrincipal principal, string emailVerifiedClaim)
    {
        var email = principal.FindFirstValue("email")?.Trim();
        if (string.IsNullOrEmpty(email) || !MailAddress.TryCreate(email, out _))
        {
            return (null, ExternalSignInFailure.EmailMissing);
        }
        var verified = principal.FindFirstValue(emailVerifiedClaim);
        if (!bool.TryParse(verified, out var isVerified) || !isVerified)
        {
            return (null, ExternalSignInFailure.EmailUnverified);
        }
        return (new ExternalIdentity(email, CleanName(principal.FindFirstValue("name"))), null);
    }

    private static string? CleanName(string? name)
    {
        var clean = string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length == 0 || clean.Any(char.IsControl))
        {
            return null;
        }
        return clean.Length <= ChatUser.DisplayNameMaxLength ? clean : clean[..ChatUser.DisplayNameMaxLength].TrimEnd();
    }
}
