using System.Text;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ChatWeb.Tests.Domain.Changes;

/// <summary>
/// On SQLite a deleted message's text is gone from the database file itself, not only from the row:
/// the page's freed space is zeroed rather than left for a forensic read.
/// </summary>
public sealed class DeleteErasureTests : ChangeTest
{
    [Fact]
    public async Task DeleteAsync_OnSqlite_TheTextIsNowhereInTheDatabaseFileAfterACheckpoint()
    {
        var (ann, bob, _, group) = await GroupAsync();
        var secret = $"launch-code-{Guid.NewGuid():N}";
        await Db.SendAsync(bob, group, "before", Ct);
        var sent = await Db.SendAsync(ann, group, $"{secret} {secret}", Ct);
        // The thread's preview showed the text until this message replaced it.
        await Db.SendAsync(bob, group, "after", Ct);
        var path = new SqliteConnectionStringBuilder(Db.ConnectionString).DataSource;
        await CheckpointAsync();
        Assert.True(Contains(await File.ReadAllBytesAsync(path, Ct), secret), "The text is in the file before it is deleted.");

        await Db.Changes.DeleteAsync(ann.Id, group, sent.Id, Ct);
        await CheckpointAsync();

        Assert.False(Contains(await File.ReadAllBytesAsync(path, Ct), secret), "The deleted text is still in the database file.");
        Assert.False(File.Exists(path + "-wal") && Contains(await File.ReadAllBytesAsync(path + "-wal", Ct), secret), "The deleted text is still in the log.");
    }

    /// <summary>Copies the log into the file and empties it, waiting out another checkpoint or reader.</summary>
    private async Task CheckpointAsync()
    {
        await using var connection = new SqliteConnection(Db.ConnectionString);
        await connection.OpenAsync(Ct);
        for (var attempt = 0; ; attempt++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var result = await command.ExecuteReaderAsync(Ct);
            await result.ReadAsync(Ct);
            if (result.GetInt64(0) == 0)
            {
                return;
            }
            Assert.True(attempt < 100, "The log could not be checkpointed.");
            await Task.Delay(50, Ct);
        }
    }

    private static bool Contains(byte[] file, string text) => file.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
