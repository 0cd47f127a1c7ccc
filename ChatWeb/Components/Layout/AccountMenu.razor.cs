using System.Security.Claims;
using ChatWeb.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ChatWeb.Components.Layout;

public sealed partial class AccountMenu
{
    [Inject] public required IJSRuntime JS { get; init; }

    [Parameter] public bool IsDarkMode { get; set; }

    [Parameter] public EventCallback<bool> IsDarkModeChanged { get; set; }

    private static string DisplayName(ClaimsPrincipal user) =>
        user.FindFirst(ChatClaims.DisplayName)?.Value ?? user.Identity?.Name ?? "";

    private async Task ToggleThemeAsync()
    {
        var dark = !IsDarkMode;
        await IsDarkModeChanged.InvokeAsync(dark);
        // A cookie, not localStorage, so the next page's prerender already has the right colours.
        await JS.InvokeVoidAsync("chatWeb.setTheme", ChatTheme.CookieName, dark ? "dark" : "light");
    }
}
