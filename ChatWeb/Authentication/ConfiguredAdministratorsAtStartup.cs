using ChatWeb.Domain.Administration;

namespace ChatWeb.Authentication;

/// <summary>Grants the Admin role to the existing accounts named in <c>Admin:Emails</c>, once the database is migrated.</summary>
internal sealed class ConfiguredAdministratorsAtStartup(ConfiguredAdministrators administrators, AdminSettings settings) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => administrators.GrantAsync(settings.Emails, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
