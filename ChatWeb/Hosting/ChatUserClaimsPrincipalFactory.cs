using System.Security.Claims;
using ChatWeb.Domain.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChatWeb.Hosting;

internal sealed class ChatUserClaimsPrincipalFactory(UserManager<ChatUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ChatUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ChatUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ChatClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
