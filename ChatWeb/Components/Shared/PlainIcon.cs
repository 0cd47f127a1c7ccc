using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatWeb.Components.Shared;

/// <summary>
/// A Material icon drawn as MudIcon draws it (the same svg element, classes and attributes, so
/// MudBlazor's styles apply unchanged), written into the markup of the component that shows it
/// rather than as a component of its own. A component lives as long as the page: each keeps its
/// render buffers and state in the server's memory for every open page, which a static icon does
/// not need (docs/performance.md, "Browser users").
/// </summary>
internal static class PlainIcon
{
    public static RenderFragment Svg(string icon, Size size = Size.Medium, string? cssClass = null) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", $"mud-icon-root mud-svg-icon {SizeClass(size)}{(cssClass is null ? "" : " " + cssClass)}");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddAttribute(5, "role", "img");
        builder.AddMarkupContent(6, icon);
        builder.CloseElement();
    };

    private static string SizeClass(Size size) => size switch
    {
        Size.Small => "mud-icon-size-small",
        Size.Large => "mud-icon-size-large",
        _ => "mud-icon-size-medium",
    };
}
