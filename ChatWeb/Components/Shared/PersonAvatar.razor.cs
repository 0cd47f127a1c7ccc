using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatWeb.Components.Shared;

public sealed partial class PersonAvatar
{
    // Error red is left out: a red face in a list reads as a warning.
    private static readonly Color[] Palette =
        [Color.Primary, Color.Secondary, Color.Tertiary, Color.Info, Color.Success, Color.Warning];

    [Parameter, EditorRequired] public string Name { get; set; } = "";

    /// <summary>Null hides the dot (presence unknown or not meaningful, as for a group).</summary>
    [Parameter] public bool? IsOnline { get; set; }

    /// <summary>Shown instead of the initials.</summary>
    [Parameter] public string? Icon { get; set; }

    [Parameter] public Size Size { get; set; } = Size.Medium;

    private Size IconSize => Size == Size.Large ? Size.Medium : Size.Small;

    /// <summary>MudAvatar's classes for a filled avatar of this size and colour.</summary>
    public static string AvatarClass(Size size, Color color) =>
        $"mud-avatar mud-avatar-{size.ToString().ToLowerInvariant()} mud-avatar-filled mud-avatar-filled-{color.ToString().ToLowerInvariant()} mud-elevation-0";

    /// <summary>"Ann Lee" → "AL", "ann.lee" → "AL", "Zoë" → "Z"; whole graphemes, so an emoji is never cut in half.</summary>
    public static string InitialsOf(string? name)
    {
        var words = (name ?? "").Split([' ', '.', '_', '-', '@'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return "?";
        }
        var first = FirstGrapheme(words[0]);
        return words.Length == 1 ? first : first + FirstGrapheme(words[^1]);
    }

    /// <summary>
    /// The same name gets the same colour on every node and after every restart, which
    /// string.GetHashCode (randomised per process) would not give.
    /// </summary>
    public static Color ColorFor(string? name)
    {
        var hash = 0u;
        foreach (var c in name ?? "")
        {
            hash = unchecked((hash * 31) + char.ToUpperInvariant(c));
        }
        return Palette[hash % (uint)Palette.Length];
    }

    private static string FirstGrapheme(string word) =>
        StringInfo.GetNextTextElement(word).ToUpper(CultureInfo.CurrentCulture);
}
