using ChatWeb.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ChatWeb.Tests.Integration.Processes;

/// <summary>
/// The published app's first start on a fresh SQLite file: every migration applied, the first sign-in
/// key made, and nothing worth a warning. Without a key-encryption certificate the framework's
/// "No XML encryptor configured" stays, by design (README, Configuration).
/// </summary>
public sealed class FirstStartTests : IDisposable
{
    private readonly ScratchFolder folder = new();

    [Fact]
    public async Task FirstStart_FreshSqliteFileWithKeyCertificate_LogsNoWarningAndKeepsTheKeyEncrypted()
    {
        var database = folder.Combine("chat.db");
        var certificate = TestCertificate.WritePfx(folder.Combine("keys.pfx"));

        await using var app = await ChatWebProcess.StartAsync(database, folder.Combine("home", folder: true), new Dictionary<string, string>
        {
            ["DataProtection__CertificatePath"] = certificate,
            ["DataProtection__CertificatePassword"] = TestCertificate.Password,
        });
        await UseTheKeyAsync(app);

        Assert.Empty(WarningsOrWorse(app));
        var key = Assert.Single(KeyXml(database));
        Assert.Contains("encryptedSecret", key);
        Assert.DoesNotContain("<value>", key);
    }

    [Fact]
    public async Task FirstStart_FreshSqliteFileWithoutCertificate_WarnsOnlyThatTheKeyIsNotEncrypted()
    {
        var database = folder.Combine("chat.db");

        await using var app = await ChatWebProcess.StartAsync(database, folder.Combine("home", folder: true));
        await UseTheKeyAsync(app);

        var warning = Assert.Single(WarningsOrWorse(app));
        Assert.Contains("No XML encryptor configured", warning);
        Assert.Single(KeyXml(database));
    }

    public void Dispose() => folder.Dispose();

    // The login page's antiforgery token is protected with the key ring: the key exists and works.
    private static async Task UseTheKeyAsync(ChatWebProcess app)
    {
        using var client = new HttpClient { BaseAddress = app.BaseUrl };
        using var page = await client.GetAsync("Account/Login", TestContext.Current.CancellationToken);
        page.EnsureSuccessStatusCode();
    }

    private static List<string> WarningsOrWorse(ChatWebProcess app) =>
        app.OutputLines.Where(line => line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)).ToList();

    private static List<string> KeyXml(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using var command = new SqliteCommand("SELECT \"Xml\" FROM \"DataProtectionKeys\"", connection);
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }
}
