using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using ChatWeb.Authentication;
using ChatWeb.Hosting;
using ChatWeb.Realtime;
using ChatWeb.Tests.Components.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace ChatWeb.Tests.Components;

/// <summary>
/// Base class for component tests: MudBlazor services without transitions, loose JS interop (MudBlazor
/// calls JS on every render; tests verify the calls they care about), and an anonymous user until
/// <see cref="SignIn"/> is called. Find elements by CSS selector, not by matching markup strings.
/// </summary>
public abstract class ChatComponentTestContext : BunitContext
{
    protected ChatComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Authorization = AddAuthorization();
        // The layout's sign-in helpers: no idle timeout, and a live connection that never ends a session.
        Services.AddSingleton(new SignInChoices(localAccounts: true, companyProviderName: null, canSendMail: false));
        Services.AddSingleton<IChatEvents>(new FakeChatEvents());
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
    }

    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>Signs in a person the way the app's cookie does: user name = email, display name as a claim.</summary>
    protected void SignIn(string displayName, string email = "ann.lee@corp.example")
    {
        Authorization.SetAuthorized(email);
        Authorization.SetClaims(new Claim(ChatClaims.DisplayName, displayName));
    }

    /// <summary>Renders as the interactive circuit does (the default is static, like the Identity pages).</summary>
    protected void RenderInteractively() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    protected static RenderFragment Text(string text) => builder => builder.AddContent(0, text);
}
