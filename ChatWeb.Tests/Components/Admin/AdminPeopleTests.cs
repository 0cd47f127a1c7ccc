using AngleSharp.Dom;
using Bunit;
using ChatWeb.Components.Admin;
using ChatWeb.Domain.Administration;
using ChatWeb.Domain.Entities;
using ChatWeb.Realtime;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Components.Admin;

/// <summary>The admin page's people grid over the real administration rules on a SQLite file.</summary>
public sealed class AdminPeopleTests : ChatUiTestContext
{
    private readonly RecordingPasswordResetLinks resetLinks = new(TimeProvider.System);
    private CurrentUser admin = null!;

    public AdminPeopleTests()
    {
        Services.AddSingleton<IPasswordResetLinks>(resetLinks);
        Services.AddLogging();
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        admin = await SignInAsync("ada@corp.example", "Ada Admin");
        await using var db = await DbFactory.CreateDbContextAsync(Ct);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = admin.Id, RoleId = AdminRole.Id });
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Render_ShowsEveryoneWithStatusAndRole()
    {
        await AddUserAsync("bob@corp.example", "Bob Stone");

        var cut = Render<AdminPeople>();
        cut.WaitForElements(".person-actions", matchElementCount: 2);

        var bob = Row(cut, "bob@corp.example");
        Assert.Contains("Bob Stone", bob.TextContent);
        Assert.Equal("Active", bob.QuerySelector(".person-status")!.TextContent.Trim());
        Assert.Equal("Member", bob.QuerySelector(".person-role")!.TextContent.Trim());
        Assert.Equal("Admin", Row(cut, admin.UserName).QuerySelector(".person-role")!.TextContent.Trim());
        Assert.Contains("never", bob.TextContent);
    }

    [Fact]
    public async Task Search_ByNamePrefix_AsksTheServerAndShowsOnlyMatches()
    {
        await AddUserAsync("bob@corp.example", "Bob Stone");
        await AddUserAsync("cat@corp.example", "Cat Moss");
        var cut = Render<AdminPeople>();
        cut.WaitForElements(".person-actions", matchElementCount: 3);

        cut.Find(".people-search input").Input("ca");

        cut.WaitForAssertion(() => Assert.Equal(["cat@corp.example"], UserNames(cut)), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Paging_ThirtyPeople_TwentyFiveOnTheFirstPageTheRestOnTheNext()
    {
        for (var i = 1; i <= 29; i++)
        {
            await AddUserAsync($"p{i:00}@corp.example", $"Person {i:00}");
        }
        var cut = Render<AdminPeople>();
        cut.WaitForElements(".person-actions", matchElementCount: 25);

        cut.Find(".people-grid .mud-table-pagination-actions button[aria-label='Next page']").Click();

        cut.WaitForAssertion(() => Assert.Equal(5, UserNames(cut).Count));
        Assert.Equal("p29@corp.example", UserNames(cut)[^1]);
    }

    [Fact]
    public async Task Deactivate_Clicked_RowShowsDeactivatedAndTheAuditLogRecordsIt()
    {
        var bob = await AddUserAsync("bob@corp.example", "Bob Stone");
        var cut = Render<AdminPeople>();
        cut.WaitForElements(".person-actions", matchElementCount: 2);

        Row(cut, bob.UserName).QuerySelector("button.deactivate")!.Click();

        cut.WaitForAssertion(() => Assert.Equal("Deactivated", Row(cut, bob.UserName).QuerySelector(".person-status")!.TextContent.Trim()));
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".audit-grid .audit-action"), a => a.TextContent == "deactivated"));
        Assert.NotNull(Row(cut, bob.UserName).QuerySelector("button.reactivate"));
        await using var db = await DbFactory.CreateDbContextAsync(Ct);
        Assert.NotNull((await db.Users.SingleAsync(u => u.Id == bob.Id, Ct)).DeactivatedAt);
    }

    [Fact]
    public async Task RevokeAdmin_LastAdminOnThemselves_RefusedAndStillAdmin()
    {
        var cut = Render<AdminPeople>();
        cut.WaitForElements(".person-actions", matchElementCount: 1);

        Row(cut, admin.UserName).QuerySelector("button.revoke-admin")!.Click();

        cut.WaitForAssertion(() => Assert.Equal("Admin", Row(cut, admin.UserName).QuerySelector(".person-role")!.TextContent.Trim()));
        Assert.True(await Service<AdminDirectory>().IsAdminAsync(admin.Id, Ct));
        Assert.Empty((await Service<AdminDirectory>().AuditAsync(admin.Id, 0, Ct)).Entries);
    }

    [Fact]
    public async Task ResetLink_WithoutMail_ShownOnceForTheAdministratorToHandOver()
    {
        var bob = await AddUserAsync("bob@corp.example", "Bob Stone");
        var cut = Render<AdminPeople>();
        cut.WaitForElements(".person-actions", matchElementCount: 2);

        Row(cut, bob.UserName).QuerySelector("button.reset-password")!.Click();

        cut.WaitForAssertion(() => Assert.Contains("Account/ResetPassword?code=", cut.Find(".reset-link-url input").GetAttribute("value")));
        Assert.Equal([bob.Id], resetLinks.IssuedFor);
    }

    private static IElement Row(IRenderedComponent<AdminPeople> cut, string userName) =>
        cut.Find($".person-actions[data-user='{userName}']").Closest("tr")!;

    private static List<string> UserNames(IRenderedComponent<AdminPeople> cut) =>
        cut.FindAll(".person-actions").Select(a => a.GetAttribute("data-user")!).ToList();
}
