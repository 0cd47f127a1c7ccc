using ChatWeb.Domain.Administration;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatWeb.Components.Admin;

/// <summary>
/// The administrators' page: everyone with an account, searched and paged on the server, with the
/// actions the rules allow; and the audit log. The rules themselves are the domain's.
/// </summary>
public partial class AdminPeople
{
    private MudDataGrid<AdminPersonView>? grid;
    private AuditLog? auditLog;
    private string query = "";
    private bool canSendMail;
    private ShownResetLink? resetLink;

    [Inject] public required AdminDirectory Directory { get; init; }
    [Inject] public required AdministrationService Administration { get; init; }
    [Inject] public required IPasswordResetLinks ResetLinks { get; init; }
    [Inject] public required ICurrentUserAccessor CurrentUser { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    protected override void OnInitialized() => canSendMail = ResetLinks.CanSendMail;

    private async Task<GridData<AdminPersonView>> LoadPeopleAsync(GridState<AdminPersonView> state, CancellationToken ct)
    {
        var me = await CurrentUser.GetAsync();
        try
        {
            var page = await Directory.SearchPeopleAsync(me.Id, query, state.Page, state.PageSize, ct);
            return new GridData<AdminPersonView> { Items = page.People, TotalItems = page.TotalCount };
        }
        catch (ChatException ex)
        {
            Snackbar.Add(ex.Message, Severity.Warning);
            return new GridData<AdminPersonView> { Items = [], TotalItems = 0 };
        }
    }

    private async Task SearchAsync(string? text)
    {
        query = text ?? "";
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }

    private async Task RunAsync(AdminPersonView person, AdminAction action)
    {
        var me = await CurrentUser.GetAsync();
        try
        {
            await (action switch
            {
                AdminAction.Deactivated => Administration.DeactivateAsync(me.Id, person.UserName),
                AdminAction.Reactivated => Administration.ReactivateAsync(me.Id, person.UserName),
                AdminAction.Unlocked => Administration.UnlockAsync(me.Id, person.UserName),
                AdminAction.AdminGranted => Administration.GrantAdminAsync(me.Id, person.UserName),
                AdminAction.AdminRevoked => Administration.RevokeAdminAsync(me.Id, person.UserName),
                _ => throw new ArgumentOutOfRangeException(nameof(action)),
            });
            Snackbar.Add($"{person.DisplayName}: {Describe(action)}.", Severity.Success);
        }
        catch (ChatException ex)
        {
            Snackbar.Add(ex.Message, Severity.Warning);
        }
        await RefreshAsync();
    }

    private async Task ResetPasswordAsync(AdminPersonView person)
    {
        var me = await CurrentUser.GetAsync();
        try
        {
            var delivery = await Administration.ResetPasswordAsync(me.Id, person.UserName, new Uri(Navigation.BaseUri));
            if (delivery.Link is { } link)
            {
                resetLink = new ShownResetLink(person.UserName, link, delivery.ExpiresAt);
            }
            else
            {
                Snackbar.Add($"A password reset mail went to {person.Email}.", Severity.Success);
            }
        }
        catch (ChatException ex)
        {
            Snackbar.Add(ex.Message, Severity.Warning);
        }
        await RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
        if (auditLog is not null)
        {
            await auditLog.ReloadAsync();
        }
    }

    private static string Describe(AdminAction action) => action switch
    {
        AdminAction.Deactivated => "deactivated; every session of theirs has ended",
        AdminAction.Reactivated => "reactivated",
        AdminAction.Unlocked => "unlocked",
        AdminAction.AdminGranted => "now an administrator",
        AdminAction.AdminRevoked => "no longer an administrator",
        _ => action.ToString(),
    };

    private static Color StatusColor(PersonStatus status) => status switch
    {
        PersonStatus.Active => Color.Success,
        PersonStatus.LockedOut => Color.Warning,
        _ => Color.Error,
    };

    private static string StatusText(AdminPersonView person) => person.Status switch
    {
        PersonStatus.Active => "Active",
        PersonStatus.LockedOut => "Locked out",
        _ => "Deactivated",
    };

    /// <summary>Administrators compare times across offices and logs: UTC, to the minute.</summary>
    internal static string AdminTime(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";

    private sealed record ShownResetLink(string UserName, string Url, DateTime ExpiresAt);
}
