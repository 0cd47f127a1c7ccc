using ChatWeb.Components.Layout;
using MudBlazor;
using MudBlazor.Utilities;
using Xunit;

namespace ChatWeb.Tests.Components.Layout;

/// <summary>
/// Every text colour of both palettes on every background it is shown on, measured with the WCAG
/// 2.x formula against AA for normal text (4.5:1). Translucent colours (the palettes' secondary
/// text, the selected row's tint) are blended over what is behind them, as a browser paints them.
/// </summary>
public sealed class ChatThemeContrastTests(ITestOutputHelper output)
{
    private const double AaNormalText = 4.5;

    /// <summary>The time in one's own bubbles is the bubble's text, a little faded (MessageBubble.razor.css, .own .meta).</summary>
    private const double OwnTimeOpacity = 0.85;

    /// <summary>Text on background, by where ChatWeb shows them.</summary>
    private static readonly (string Where, Func<Palette, (MudColor Text, MudColor Background)> Pair)[] Pairs =
    [
        ("text on the page", p => (p.TextPrimary, p.Background)),
        ("quiet text on the page (day separators, hints)", p => (p.TextSecondary, p.Background)),
        ("text on cards, bubbles and panels", p => (p.TextPrimary, p.Surface)),
        ("quiet text on cards and bubbles (times, last seen)", p => (p.TextSecondary, p.Surface)),
        ("quiet text on the selected conversation", p => (p.TextSecondary, Over(p.Primary.SetAlpha(p.HoverOpacity), p.Background))),
        ("text on the selected conversation", p => (p.TextPrimary, Over(p.Primary.SetAlpha(p.HoverOpacity), p.Background))),
        ("app bar", p => (p.AppbarText, p.AppbarBackground)),
        ("drawer", p => (p.DrawerText, p.DrawerBackground)),
        ("quiet text in the drawer (the details panel)", p => (p.TextSecondary, p.DrawerBackground)),
        ("own bubbles, buttons, badges", p => (p.PrimaryContrastText, p.Primary)),
        ("times in own bubbles", p => (p.PrimaryContrastText.SetAlpha(OwnTimeOpacity), p.Primary)),
        ("links, text buttons, unread times on the page", p => (p.Primary, p.Background)),
        ("links and text buttons on cards", p => (p.Primary, p.Surface)),
        ("sender names in group bubbles", p => (p.Secondary, p.Surface)),
        ("the new-messages divider", p => (p.Error, p.Background)),
        ("errors on cards and panels", p => (p.Error, p.Surface)),
        ("muted unread badge", p => (p.TextPrimary, Over(p.LinesDefault, p.Background))),
        ("avatars and filled secondary", p => (p.SecondaryContrastText, p.Secondary)),
        ("avatars and filled tertiary", p => (p.TertiaryContrastText, p.Tertiary)),
        ("avatars, info alerts", p => (p.InfoContrastText, p.Info)),
        ("avatars, success alerts", p => (p.SuccessContrastText, p.Success)),
        ("avatars, warnings", p => (p.WarningContrastText, p.Warning)),
        ("errors: filled buttons and alerts", p => (p.ErrorContrastText, p.Error)),
        ("dark chips", p => (p.DarkContrastText, p.Dark)),
    ];

    public static TheoryData<string, string> EveryPairInBothPalettes()
    {
        var data = new TheoryData<string, string>();
        foreach (var palette in new[] { "light", "dark" })
        {
            foreach (var (where, _) in Pairs)
            {
                data.Add(palette, where);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPairInBothPalettes))]
    public void Palette_TextOnItsBackground_MeetsWcagAaForNormalText(string paletteName, string where)
    {
        var palette = paletteName == "light" ? (Palette)ChatTheme.Theme.PaletteLight : ChatTheme.Theme.PaletteDark;
        var (text, background) = Pairs.Single(p => p.Where == where).Pair(palette);

        var ratio = ContrastRatio(text, background);

        output.WriteLine($"{paletteName}, {where}: {text} on {background} = {ratio:F2}:1");
        Assert.True(ratio >= AaNormalText, $"{paletteName}, {where}: {text} on {background} is {ratio:F2}:1, below {AaNormalText}:1.");
    }

    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    [InlineData("#767676", "#ffffff", 4.54)] // the lightest grey that passes on white, a common reference
    [InlineData("#777777", "#ffffff", 4.48)]
    [InlineData("#ff0000", "#ffffff", 4.0)]
    public void ContrastRatio_KnownPairs_MatchTheWcagReferenceValues(string text, string background, double expected)
    {
        var ratio = ContrastRatio(new MudColor(text), new MudColor(background));

        Assert.Equal(expected, ratio, precision: 2);
    }

    [Fact]
    public void ContrastRatio_HalfTransparentBlackOnWhite_IsMeasuredAsTheGreyItPaints()
    {
        var ratio = ContrastRatio(new MudColor("#00000080"), new MudColor("#ffffff"));

        Assert.Equal(ContrastRatio(new MudColor("#7f7f7f"), new MudColor("#ffffff")), ratio, precision: 2);
    }

    /// <summary>WCAG 2.x: (lighter + 0.05) / (darker + 0.05) of the relative luminances.</summary>
    private static double ContrastRatio(MudColor text, MudColor background)
    {
        var opaqueBackground = Over(background, new MudColor("#ffffff"));
        var (a, b) = (Luminance(Over(text, opaqueBackground)), Luminance(opaqueBackground));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double Luminance(MudColor color) =>
        (0.2126 * Linear(color.R)) + (0.7152 * Linear(color.G)) + (0.0722 * Linear(color.B));

    private static double Linear(byte channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    /// <summary>A translucent colour as painted over an opaque one (the browser blends in sRGB).</summary>
    private static MudColor Over(MudColor top, MudColor below)
    {
        // From the byte, not MudColor.APercentage, which is rounded to two places.
        var alpha = top.A / 255.0;
        byte Blend(byte t, byte b) => (byte)Math.Round((alpha * t) + ((1 - alpha) * b));
        return new MudColor(Blend(top.R, below.R), Blend(top.G, below.G), Blend(top.B, below.B), (byte)255);
    }
}
