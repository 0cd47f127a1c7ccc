using ChatWeb.Domain.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChatWeb.Authentication;

/// <summary>
/// Identity's sign-in, refusing deactivated people on every way in that asks it (password on the
/// page and on /api/auth/login, the company's provider, passkeys).
/// </summary>
internal sealed class ChatSignInManager(
    UserManager<ChatUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ChatUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ChatUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ChatUser> confirmation)
    : SignInManager<ChatUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ChatUser user)
    {
        if (user.DeactivatedAt is not null)
        {
            Logger.LogInformation("Sign-in refused: {UserName} is deactivated.", user.UserName);
            return false;
        }
        return await base.CanSignInAsync(user);
    }
}
