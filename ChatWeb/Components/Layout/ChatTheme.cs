using MudBlazor;

namespace ChatWeb.Components.Layout;

internal static class ChatTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3f51b5",
            Secondary = "#00897b",
            AppbarBackground = "#3f51b5",
            Background = "#f5f6fa",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8c9eff",
            // The light primary of the dark theme needs dark text: white on it is 2.5:1, this is about 7:1.
            PrimaryContrastText = "#10132b",
            Secondary = "#4db6ac",
            SecondaryContrastText = "#0b2b28",
            AppbarBackground = "#1e1e2d",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
