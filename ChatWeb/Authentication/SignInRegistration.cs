using System.Text.Json.Serialization;
using ChatWeb.Domain.Administration;
using ChatWeb.Domain.Entities;
using ChatWeb.Email;
using ChatWeb.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace ChatWeb.Authentication;

internal static class SignInRegistration
{
    /// <summary>How long a password-reset or confirmation link works (Identity's token lifespan, said out loud).</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    /// <summary>The company's provider, administrators, mail, and ending sessions; the settings are checked at start-up.</summary>
    public static IServiceCollection AddChatSignIn(this IServiceCollection services, IConfiguration configuration, AuthenticationSettings settings)
    {
        var smtp = SmtpSettings.Read(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(AdminSettings.From(configuration));
        services.AddSingleton(smtp);
        services.AddSingleton(new SignInChoices(
            settings.LocalAccounts,
            settings.OpenIdConnect.IsConfigured ? settings.OpenIdConnect.DisplayName : null,
            smtp.IsConfigured,
            settings.IdleTimeout));
        // The HTTP API speaks the hub's JSON: enums by name ("Deactivated").
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        services.AddScoped<ExternalSignIn>();
        services.AddSingleton<ProviderSignOut>();
        services.AddSingleton<IAuthorizationHandler, AdminPolicy>();
        services.AddHostedService<ConfiguredAdministratorsAtStartup>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = LinkLifetime);

        if (smtp.IsConfigured)
        {
            services.AddSingleton<IEmailSender<ChatUser>, SmtpEmailSender>();
        }
        services.AddSingleton<IPasswordResetLinks, PasswordResetLinks>();
        services.AddChatSessions(configuration);
        return services;
    }
}
