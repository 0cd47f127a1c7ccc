using ChatWeb.Authentication;
using ChatWeb.Components.Account;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace ChatWeb.Hosting;

internal static class IdentityRegistration
{
    public static IServiceCollection AddChatIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(IdentityOptionsSection.SectionName).Get<IdentityOptionsSection>() ?? new();
        var signIn = AuthenticationSettings.From(configuration);

        services.AddChatDataProtection(configuration);
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = AuthSchemes.CookieOrBearer;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(AuthSchemes.CookieOrBearer, "Cookie or bearer token", o => o.ForwardDefaultSelector = AuthSchemes.Select)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                // WebSockets cannot carry headers from a browser-like client: SignalR sends the token in the query.
                o.Events.OnMessageReceived = context =>
                {
                    if (AuthSchemes.IsHubRequest(context.HttpContext) && context.Request.Query.TryGetValue("access_token", out var token))
                    {
                        context.Token = token;
                    }
                    return Task.CompletedTask;
                };
            })
            .AddCompanySignIn(signIn.OpenIdConnect)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/Account/Login";
                // Secure whenever the request is HTTPS (behind a proxy, as the forwarded headers say).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                if (signIn.IdleTimeout is { } idle)
                {
                    // Renewed by use (see /Account/KeepAlive); left alone this long, the cookie lapses.
                    o.ExpireTimeSpan = idle;
                    o.SlidingExpiration = true;
                }
                o.Events.OnRedirectToLogin = context => RejectApiOr(context.HttpContext, StatusCodes.Status401Unauthorized, () => context.Response.Redirect(context.RedirectUri));
                o.Events.OnRedirectToAccessDenied = context => RejectApiOr(context.HttpContext, StatusCodes.Status403Forbidden, () => context.Response.Redirect(context.RedirectUri));
            }));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddAuthorization(AdminPolicy.Add);

        services.AddIdentityCore<ChatUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = settings.RequireConfirmedAccount;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.Password.RequiredLength = 8;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ChatDbContext>()
            .AddUserValidator<DisplayNameValidator>()
            .AddDefaultTokenProviders()
            .AddApiEndpoints()
            // After AddApiEndpoints, which registers the plain sign-in manager.
            .AddSignInManager<ChatSignInManager>()
            .AddClaimsPrincipalFactory<ChatUserClaimsPrincipalFactory>();

        services.AddSingleton<IEmailSender<ChatUser>, IdentityNoOpEmailSender>();
        services.AddChatSignIn(configuration, signIn);
        return services;
    }

    // Scripts and the hub client want a status code, not a redirect to an HTML login page.
    private static Task RejectApiOr(HttpContext context, int statusCode, Action redirect)
    {
        if (AuthSchemes.IsApiRequest(context))
        {
            context.Response.StatusCode = statusCode;
        }
        else
        {
            redirect();
        }
        return Task.CompletedTask;
    }
}
