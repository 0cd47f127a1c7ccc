using MudBlazor;

namespace ChatWeb.Components.Layout;

/// <summary>
/// ChatWeb's colours. Every text colour meets WCAG AA (4.5:1) on every background it is shown on,
/// in both palettes; ChatThemeContrastTests measures each pair. Colours that carry text on them
/// (avatars, buttons, badges, alerts) are dark enough for white text in the light palette; in the
/// dark palette they stay light and carry dark text instead, as MudBlazor's white on them is 2–3.5:1.
/// </summary>
internal static class ChatTheme
{
    /// <summary>Where the person's choice of theme is kept: a cookie, so the server's first paint of a page already has it.</summary>
    public const string CookieName = "chatweb-theme";

    private const string DarkText = "#10132b";

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3f51b5",
            Secondary = "#00796b",
            Tertiary = "#6a1b9a",
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#ffa000",
            WarningContrastText = "#212121",
            Error = "#c62828",
            // Material's 60% "medium emphasis": its default 54% is 4.4:1 on a selected row.
            TextSecondary = "rgba(0,0,0,0.6)",
            AppbarBackground = "#3f51b5",
            Background = "#f5f6fa",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8c9eff",
            PrimaryContrastText = DarkText,
            Secondary = "#4db6ac",
            SecondaryContrastText = "#0b2b28",
            TertiaryContrastText = DarkText,
            InfoContrastText = DarkText,
            SuccessContrastText = DarkText,
            WarningContrastText = DarkText,
            // Light enough to read as text on the dark page (MudBlazor's #f64e62 is 3.7:1 there).
            Error = "#ff7b8a",
            ErrorContrastText = DarkText,
            // MudBlazor's 50% white is 4.2–4.4:1 on the page and on cards.
            TextSecondary = "rgba(255,255,255,0.6)",
            AppbarBackground = "#1e1e2d",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
