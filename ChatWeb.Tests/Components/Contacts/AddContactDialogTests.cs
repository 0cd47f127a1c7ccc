using Bunit;
using ChatWeb.Components.Contacts;
using ChatWeb.Domain.Contacts;
using ChatWeb.Realtime;
using MudBlazor;
using Xunit;

namespace ChatWeb.Tests.Components.Contacts;

public sealed class AddContactDialogTests : ChatUiTestContext
{
    private CurrentUser ann = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        ann = await SignInAsync("ann@corp.example", "Ann Lee");
    }

    [Fact]
    public async Task Search_MoreThanAPage_LoadsTheNextPageOnRequest()
    {
        for (var i = 1; i <= DirectoryService.PageSize + 5; i++)
        {
            await AddUserAsync($"dev{i:D2}@corp.example", $"Dev {i:D2}");
        }
        var (_, dialogs) = OpenDialog();

        dialogs.Find("input[data-testid=people-search]").Input("dev");
        dialogs.WaitForAssertion(() => Assert.Equal(DirectoryService.PageSize, dialogs.FindAll("[data-testid=person-result]").Count));
        dialogs.Find("[data-testid=load-more]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(DirectoryService.PageSize + 5, dialogs.FindAll("[data-testid=person-result]").Count));
        Assert.Empty(dialogs.FindAll("[data-testid=load-more]"));
    }

    [Fact]
    public async Task PickPerson_NotYetAContact_AddsThemAndTheListShowsThem()
    {
        var bob = await AddUserAsync("bob@corp.example", "Bob Stone");
        var (panel, dialogs) = OpenDialog();

        dialogs.Find("input[data-testid=people-search]").Input("bob");
        dialogs.WaitForElement($"[data-testid=person-result][data-username='{bob.UserName}']").Click();
        dialogs.WaitForElement("[data-testid=in-contacts]");
        dialogs.Find("[data-testid=add-contact-done]").Click();

        panel.WaitForAssertion(() => Assert.NotNull(panel.Find($"[data-testid=contact-item][data-username='{bob.UserName}']")));
        var stored = await Service<ContactService>().ListAsync(ann.Id, Ct);
        Assert.Equal([bob.UserName], stored.Select(c => c.UserName));
    }

    [Fact]
    public async Task Search_ExistingContact_IsMarkedAndCannotBeAddedAgain()
    {
        var bob = await AddUserAsync("bob@corp.example", "Bob Stone");
        await Service<ContactService>().AddAsync(ann.Id, bob.UserName, Ct);
        var (_, dialogs) = OpenDialog();

        dialogs.Find("input[data-testid=people-search]").Input("bob");

        var row = dialogs.WaitForElement($"[data-testid=person-result][data-username='{bob.UserName}']");
        Assert.True(row.HasAttribute("disabled"));
        Assert.NotNull(row.QuerySelector("[data-testid=in-contacts]"));
    }

    private (IRenderedComponent<ContactsPanel> Panel, IRenderedComponent<MudDialogProvider> Dialogs) OpenDialog()
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var panel = Render<ContactsPanel>();
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[aria-busy=true]")));

        // Not ClickAsync: the handler awaits the dialog's result, which comes only when it closes.
        panel.Find("[data-testid=add-contact]").Click();

        dialogs.WaitForElement("input[data-testid=people-search]");
        return (panel, dialogs);
    }
}
