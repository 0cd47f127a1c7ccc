using System.Security.Claims;
using ChatWeb.Hosting;
using Microsoft.AspNetCore.Components.Authorization;

namespace ChatWeb.Realtime;

internal sealed class CurrentUserAccessor(AuthenticationStateProvider authState) : ICurrentUserAccessor
{
    private CurrentUser? cached;

    public async Task<CurrentUser> GetAsync()
    {
        if (cached is not null)
        {
            return cached;
        }
        var user = (await authState.GetAuthenticationStateAsync()).User;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");
        var userName = user.Identity?.Name ?? "";
        cached = new CurrentUser(id, userName, user.FindFirstValue(ChatClaims.DisplayName) ?? userName);
        return cached;
    }
}
