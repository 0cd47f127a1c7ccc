using Bunit;
using ChatWeb.Components.Shared;
using MudBlazor;
using MudBlazor.Services;
using Xunit;

namespace ChatWeb.Tests.Components.Shared;

public sealed class PersonAvatarTests : BunitContext
{
    public PersonAvatarTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Theory]
    [InlineData("Ann Lee", "AL")]
    [InlineData("ann.lee", "AL")]
    [InlineData("Mary Ann van Dyke", "MD")]
    [InlineData("zoë", "Z")]
    [InlineData("  ", "?")]
    [InlineData("👩‍💻 Dev", "👩‍💻D")]
    public void InitialsOf_Names_TakesFirstAndLastWordsWholeCharacters(string name, string expected)
    {
        Assert.Equal(expected, PersonAvatar.InitialsOf(name));
    }

    [Fact]
    public void ColorFor_SameName_IsStableAndIgnoresCase()
    {
        Assert.Equal(PersonAvatar.ColorFor("Ann Lee"), PersonAvatar.ColorFor("ANN LEE"));
    }

    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public void Render_KnownPresence_ShowsDotWithState(bool online, string expected)
    {
        var cut = Render<PersonAvatar>(p => p.Add(c => c.Name, "Ann Lee").Add(c => c.IsOnline, online));

        Assert.Equal(expected, cut.Find("[data-testid=presence-dot]").GetAttribute("data-online"));
        Assert.Equal("AL", cut.Find(".mud-avatar").TextContent.Trim());
    }

    [Fact]
    public void Render_UnknownPresence_ShowsNoDot()
    {
        var cut = Render<PersonAvatar>(p => p.Add(c => c.Name, "Ann Lee").Add(c => c.Icon, Icons.Material.Filled.Group));

        Assert.Empty(cut.FindAll("[data-testid=presence-dot]"));
        Assert.NotNull(cut.Find(".mud-avatar svg"));
    }

    [Fact]
    public void Render_NameWithMarkup_RendersItAsText()
    {
        var cut = Render<PersonAvatar>(p => p.Add(c => c.Name, "<b>x</b>"));

        Assert.Empty(cut.FindAll("b"));
    }
}
