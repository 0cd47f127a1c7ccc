using AngleSharp.Dom;
using Bunit;
using ChatWeb.Components.Threads;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Realtime;
using MudBlazor;
using Xunit;

namespace ChatWeb.Tests.Components.Threads;

public sealed class NewChatDialogTests : ChatUiTestContext
{
    private CurrentUser ann = null!;
    private CurrentUser bob = null!;
    private CurrentUser bonnie = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        ann = await SignInAsync("ann@corp.example", "Ann Lee");
        bob = await AddUserAsync("bob@corp.example", "Bob Stone");
        bonnie = await AddUserAsync("bonnie@corp.example", "Bonnie Hill");
    }

    [Fact]
    public async Task StartChat_OnePersonPicked_OpensDirectThreadAndNavigatesToIt()
    {
        var (list, dialogs) = OpenDialog();
        Search(dialogs, "bob");

        Pick(dialogs, bob);
        dialogs.Find("[data-testid=start-chat]").Click();

        var thread = await WaitForThreadAsync(list, t => t.Kind == ThreadKind.Direct);
        Assert.Equal("Bob Stone", thread.Title);
        Assert.EndsWith($"/chat/{thread.Id}", Navigation.Uri);
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=people-search]")));
    }

    [Fact]
    public async Task Search_MatchesOneself_OffersOnlyTheOthers()
    {
        var anna = await AddUserAsync("anna@corp.example", "Anna Berg");
        var (_, dialogs) = OpenDialog();

        Search(dialogs, "an");

        var result = Assert.Single(dialogs.FindAll("[data-testid=person-result]"));
        Assert.Equal(anna.UserName, result.GetAttribute("data-username"));
    }

    [Fact]
    public async Task CreateGroup_WithoutTitle_ShowsTheDomainsMessageAndStaysOpen()
    {
        var (_, dialogs) = OpenDialog();
        Search(dialogs, "bo");

        Pick(dialogs, bob);
        Pick(dialogs, bonnie);
        dialogs.Find("[data-testid=create-group]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("A group needs a title.", dialogs.Find("[data-testid=dialog-error]").TextContent.Trim()));
        Assert.Empty(await Service<ConversationService>().GetThreadsAsync(ann.Id, Ct));
    }

    [Fact]
    public async Task CreateGroup_TwoPeopleAndTitle_CreatesGroupAndNavigatesToIt()
    {
        var (list, dialogs) = OpenDialog();
        Search(dialogs, "bo");

        Pick(dialogs, bob);
        Pick(dialogs, bonnie);
        Assert.True(dialogs.Find("[data-testid=start-chat]").HasAttribute("disabled"));
        dialogs.WaitForElement("input[data-testid=group-title]").Input("Launch crew");
        dialogs.Find("[data-testid=create-group]").Click();

        var thread = await WaitForThreadAsync(list, t => t.Kind == ThreadKind.Group);
        Assert.Equal("Launch crew", thread.Title);
        Assert.Equal(3, thread.Members.Count);
        Assert.EndsWith($"/chat/{thread.Id}", Navigation.Uri);
    }

    [Fact]
    public void PickTwice_SamePerson_UnpicksThem()
    {
        var (_, dialogs) = OpenDialog();
        Search(dialogs, "bob");

        Pick(dialogs, bob);
        PersonResult(dialogs, bob).Click();

        dialogs.WaitForAssertion(() => Assert.Equal("false", PersonResult(dialogs, bob).GetAttribute("aria-pressed")));
        Assert.True(dialogs.Find("[data-testid=start-chat]").HasAttribute("disabled"));
        Assert.Empty(dialogs.FindAll("[data-testid=selected-person]"));
    }

    private (IRenderedComponent<ThreadList> List, IRenderedComponent<MudDialogProvider> Dialogs) OpenDialog()
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var list = Render<ThreadList>();
        list.WaitForElement("[data-testid=no-threads]");

        // Not ClickAsync: the handler awaits the dialog's result, which comes only when it closes.
        list.Find("[data-testid=new-chat]").Click();

        dialogs.WaitForElement("input[data-testid=people-search]");
        return (list, dialogs);
    }

    private static void Search(IRenderedComponent<MudDialogProvider> dialogs, string text)
    {
        dialogs.Find("input[data-testid=people-search]").Input(text);
        // Debounced: the results come a moment after typing stops.
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=person-result]")));
    }

    /// <summary>Picks a person and waits for the dialog to show them as picked (a chip, a pressed row).</summary>
    private static void Pick(IRenderedComponent<MudDialogProvider> dialogs, CurrentUser person)
    {
        PersonResult(dialogs, person).Click();
        dialogs.WaitForAssertion(() =>
        {
            Assert.Equal("true", PersonResult(dialogs, person).GetAttribute("aria-pressed"));
            Assert.NotNull(dialogs.Find($"[data-testid=selected-person][data-username='{person.UserName}']"));
        });
    }

    private static IElement PersonResult(IRenderedComponent<MudDialogProvider> dialogs, CurrentUser person) =>
        dialogs.Find($"[data-testid=person-result][data-username='{person.UserName}']");

    private async Task<ThreadSummary> WaitForThreadAsync(IRenderedComponent<ThreadList> list, Func<ThreadSummary, bool> match)
    {
        list.WaitForElements("[data-testid=thread-item]", matchElementCount: 1);
        var threads = await Service<ConversationService>().GetThreadsAsync(ann.Id, Ct);
        var thread = Assert.Single(threads, t => match(t));
        Assert.Equal(thread.Id.ToString(), list.Find("[data-testid=thread-item]").GetAttribute("data-thread-id"));
        return thread;
    }
}
