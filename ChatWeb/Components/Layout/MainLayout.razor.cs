using Microsoft.AspNetCore.Components;

namespace ChatWeb.Components.Layout;

public partial class MainLayout
{
    private bool isDarkMode;
    private bool themeSwitchedHere;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    // Carried from the prerender (which can read the cookie) into the interactive circuit (which cannot).
    [PersistentState]
    public bool? DarkModeFromCookie { get; set; }

    protected override void OnInitialized()
    {
        if (HttpContext is not null)
        {
            DarkModeFromCookie = HttpContext.Request.Cookies[ChatTheme.CookieName] == "dark";
        }
        isDarkMode = DarkModeFromCookie ?? false;
    }

    private void OnDarkModeChanged(bool value) => (isDarkMode, themeSwitchedHere) = (value, true);
}
