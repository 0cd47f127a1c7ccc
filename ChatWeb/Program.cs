using ChatWeb.Administration;
using ChatWeb.Attachments;
using ChatWeb.Authentication;
using ChatWeb.Components;
using ChatWeb.Demo;
using ChatWeb.Domain;
using ChatWeb.Domain.Attachments;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using ChatWeb.Hosting;
using ChatWeb.Hubs;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddChatDatabase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddChatIdentity(builder.Configuration);
builder.Services.AddChatDomain();
builder.Services.Configure<AttachmentOptions>(builder.Configuration.GetSection(AttachmentOptions.Section));
builder.Services.AddNodeIdentity(builder.Configuration);
builder.Services.AddChatRealtime(builder.Configuration);
builder.Services.AddChatForwardedHeaders(builder.Configuration);
builder.Services.AddHealthChecks().AddDbContextCheck<ChatDbContext>("database");

var app = builder.Build();
app.UseChatForwardedHeaders(app.Configuration);

await DatabaseInitializer.MigrateAsync(
    app.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>(),
    app.Logger,
    patience: TimeSpan.FromMinutes(2),
    app.Lifetime.ApplicationStopping);
await app.SeedDemoIfAskedAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseChatStatusCodePages();

app.UseMiddleware<HubOriginGuard>();
app.UseMiddleware<HubQueryGuard>();
app.UseChatAuthentication();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o =>
    // Each circuit's WebSocket uncompressed: permessage-deflate keeps a zlib compressor and
    // decompressor per open page for its whole life, native memory (about 300 KB reserved) that is
    // the largest single part of an idle page's cost, for bandwidth an intranet does not lack
    // (docs/performance.md, "Browser users"). Set as an accept-context callback rather than
    // DisableWebSocketCompression so the framework keeps sending "frame-ancestors 'self'".
    o.ConfigureWebSocketAcceptContext = (_, accept) =>
    {
        accept.DangerousEnableCompression = false;
        return Task.CompletedTask;
    });
app.MapAdditionalIdentityEndpoints();
app.MapCompanySignInEndpoints();
app.MapAdminApi();
app.MapAttachmentApi();
app.MapGroup("/api/auth").MapIdentityApi<ChatUser>().WithTags("Auth");
app.MapHub<ChatHub>(ChatHub.Path);
app.MapHealthChecks("/healthz", new HealthCheckOptions { AllowCachingResponses = false });

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
