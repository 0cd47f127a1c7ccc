using Bunit;
using ChatWeb.Components.Attention;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using Microsoft.AspNetCore.Components;
using Xunit;

namespace ChatWeb.Tests.Components.Attention;

public sealed class MentionTextTests : ChatComponentTestContext
{
    private static readonly MentionNames Team = new(
    [
        new ThreadMemberView("ann@corp.example", "Ann", MemberRole.Owner),
        new ThreadMemberView("annlee@corp.example", "Ann Lee", MemberRole.Member),
        new ThreadMemberView("bob@corp.example", "<b>Bob</b>", MemberRole.Member),
    ]);

    [Fact]
    public void Render_Mentions_AreHighlightedTextSpansAndMarkupStaysText()
    {
        var cut = RenderText("<i>hi</i> @Ann Lee, @<b>Bob</b> and @here; mail ann@corp.example", ["annlee@corp.example", "bob@corp.example"], here: true);

        var mentions = cut.FindAll("[data-testid=mention]");
        Assert.Equal(["@Ann Lee", "@<b>Bob</b>", "@here"], mentions.Select(m => m.TextContent));
        Assert.Equal(["annlee@corp.example", "bob@corp.example", "@here"], mentions.Select(m => m.GetAttribute("data-user-name")));
        Assert.Empty(cut.FindAll("b, i"));
        Assert.Equal("<i>hi</i> @Ann Lee, @<b>Bob</b> and @here; mail ann@corp.example", cut.Find("p").TextContent);
    }

    [Fact]
    public void Render_NameOfSomeoneNotMentioned_StaysPlainText()
    {
        var cut = RenderText("@Ann said @here", ["bob@corp.example"], here: false);

        Assert.Empty(cut.FindAll("[data-testid=mention]"));
    }

    private IRenderedComponent<IComponent> RenderText(string body, IReadOnlyList<string> mentions, bool here) => Render(builder =>
    {
        builder.OpenElement(0, "p");
        builder.OpenComponent<CascadingValue<MentionNames>>(1);
        builder.AddAttribute(2, "Value", Team);
        builder.AddAttribute(3, "ChildContent", (RenderFragment)(inner =>
        {
            inner.OpenComponent<MentionText>(0);
            inner.AddAttribute(1, nameof(MentionText.Body), body);
            inner.AddAttribute(2, nameof(MentionText.Mentions), mentions);
            inner.AddAttribute(3, nameof(MentionText.MentionsHere), here);
            inner.CloseComponent();
        }));
        builder.CloseComponent();
        builder.CloseElement();
    });
}
