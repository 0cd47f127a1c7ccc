using System.Security.Claims;
using ChatWeb.Domain.Administration;
using ChatWeb.Domain.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace ChatWeb.Authentication;

/// <summary>
/// Finishes a sign-in through the company's provider: finds the person by their provider login,
/// else links the local account with the same (verified) email, else creates the account; keeps the
/// display name in step with the directory; then signs in with the app's own cookie.
/// </summary>
internal sealed class ExternalSignIn(
    SignInManager<ChatUser> signInManager,
    UserManager<ChatUser> users,
    ConfiguredAdministrators configuredAdmins,
    AdminSettings adminSettings,
    AuthenticationSettings settings,
    ILogger<ExternalSignIn> logger)
{
    public async Task<IResult> CompleteAsync(HttpContext http, string? returnUrl)
    {
        var login = await signInManager.GetExternalLoginInfoAsync();
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        if (login is null)
        {
            return Refuse(ExternalSignInFailure.Rejected, "no external sign-in to complete");
        }
        var (identity, refusal) = ExternalIdentity.From(login.Principal, settings.OpenIdConnect.EmailVerifiedClaim);
        if (identity is null)
        {
            return Refuse(refusal!, $"subject {login.ProviderKey}");
        }

        var user = await FindOrCreateAsync(login, identity);
        if (user is null)
        {
            return Refuse(ExternalSignInFailure.Rejected, $"could not create or link an account for {identity.Email}");
        }
        if (!await signInManager.CanSignInAsync(user))
        {
            return Refuse(user.DeactivatedAt is null ? ExternalSignInFailure.NotAllowed : ExternalSignInFailure.Deactivated, user.UserName!);
        }
        if (await users.IsLockedOutAsync(user))
        {
            return Refuse(ExternalSignInFailure.LockedOut, user.UserName!);
        }

        var properties = new AuthenticationProperties { IsPersistent = false };
        // Kept with the sign-in so logging out can end the provider's session too (as the id_token_hint).
        if (login.AuthenticationTokens?.FirstOrDefault(t => t.Name == "id_token") is { } idToken)
        {
            properties.StoreTokens([idToken]);
        }
        await signInManager.SignInWithClaimsAsync(user, properties, [new Claim(ClaimTypes.AuthenticationMethod, login.LoginProvider)]);
        logger.LogInformation("{UserName} signed in through the company's provider.", user.UserName);
        return TypedResults.LocalRedirect(LocalUrl.OrHome(returnUrl));
    }

    private async Task<ChatUser?> FindOrCreateAsync(ExternalLoginInfo login, ExternalIdentity identity)
    {
        var user = await users.FindByLoginAsync(login.LoginProvider, login.ProviderKey);
        if (user is null)
        {
            user = await users.FindByEmailAsync(identity.Email);
            var created = user is null;
            if (user is null)
            {
                user = new ChatUser { UserName = identity.Email, Email = identity.Email, EmailConfirmed = true, DisplayName = identity.DisplayName ?? "" };
                if (!Succeeded(await users.CreateAsync(user), "create", identity.Email))
                {
                    return null;
                }
            }
            if (!Succeeded(await users.AddLoginAsync(user, login), "link", identity.Email))
            {
                return null;
            }
            logger.LogInformation(created ? "Created {UserName} from the company's provider." : "Linked {UserName} to the company's provider.", user.UserName);
            if (created && adminSettings.Lists(identity.Email))
            {
                await configuredAdmins.GrantAsync([identity.Email]);
            }
        }
        // The provider verified the address, and the directory owns the name.
        var changed = !user.EmailConfirmed || (identity.DisplayName is { } name && name != user.DisplayName);
        if (changed)
        {
            user.EmailConfirmed = true;
            user.DisplayName = identity.DisplayName ?? user.DisplayName;
            await users.UpdateAsync(user);
        }
        return user;
    }

    private bool Succeeded(IdentityResult result, string action, string email)
    {
        if (!result.Succeeded)
        {
            logger.LogWarning("Could not {Action} the account of {Email}: {Errors}", action, email, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        return result.Succeeded;
    }

    private IResult Refuse(string reason, string detail)
    {
        logger.LogInformation("Sign-in through the company's provider refused ({Reason}): {Detail}", reason, detail);
        return TypedResults.LocalRedirect(ExternalSignInFailure.PageFor(reason));
    }
}
