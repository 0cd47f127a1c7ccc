using System.Net;
using ChatWeb.Domain.Data;
using ChatWeb.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Integration;

/// <summary>The app starts on a fresh SQLite file, migrates it, and reports itself healthy.</summary>
public sealed class StartupTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthz_FreshSqliteFile_AnswersHealthy()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/healthz", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task Start_FreshSqliteFile_AppliesEveryMigration()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>();

        await using var db = await contexts.CreateDbContextAsync(Ct);
        var applied = await db.Database.GetAppliedMigrationsAsync(Ct);

        Assert.True(db.Database.IsSqlite());
        Assert.Equal(factory.DatabasePath, db.Database.GetDbConnection().DataSource);
        Assert.NotEmpty(applied);
        Assert.Equal(db.Database.GetMigrations(), applied);
    }

    [Fact]
    public async Task GetLoginPage_Anonymous_RendersTheLoginForm()
    {
        using var browser = factory.CreateBrowser();

        var page = await browser.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(page.FormNamed("login").QuerySelector("input[name='__RequestVerificationToken']"));
    }

    [Fact]
    public async Task GetUnknownPage_Anonymous_ShowsNotFoundPage()
    {
        using var browser = factory.CreateBrowser();

        var page = await browser.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("Not Found", page.Text("h3"));
    }

    [Theory]
    [InlineData("Oracle", "Data Source=ignored.db", "Unknown Database:Provider 'Oracle'")]
    [InlineData("SqlServer", "", "ConnectionStrings:Chat is empty")]
    public void Start_BadDatabaseSettings_FailsWithClearMessage(string provider, string connectionString, string expectedMessage)
    {
        using var misconfigured = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Database:Provider", provider)
            .UseSetting("ConnectionStrings:Chat", connectionString));

        var error = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        Assert.Contains(expectedMessage, error.ToString());
    }
}
