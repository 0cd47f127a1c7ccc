using ChatWeb.Domain.Data.Sqlite;
using ChatWeb.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ChatWeb.Tests.Domain.Data;

public sealed class SqliteCheckpointerTests
{
    [Fact]
    public async Task Checkpointer_CopiesCommittedLogPagesIntoTheDatabaseFile_AndCuesTheWriterOncePerPass()
    {
        using var file = new TempDatabaseFile();
        await using var writer = new SqliteConnection(file.ConnectionString);
        writer.Open();
        Execute(writer, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (v TEXT NOT NULL);");
        var emptySize = new FileInfo(file.Path).Length;
        using (var tx = writer.BeginTransaction())
        {
            // About 2 MB of rows: hundreds of log pages that only a checkpoint moves into the file.
            Execute(writer, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO t SELECT printf('%.1000c', 'x') FROM n;", tx);
            tx.Commit();
        }
        Assert.Equal(emptySize, new FileInfo(file.Path).Length);

        bool cued, cuedAgain;
        using (var checkpointer = new SqliteCheckpointer(file.ConnectionString))
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!(cued = checkpointer.PassCompleted()) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
            cuedAgain = checkpointer.PassCompleted();
        }

        Assert.True(cued);
        Assert.False(cuedAgain);
        Assert.True(new FileInfo(file.Path).Length >= 2_000_000, $"The database file holds {new FileInfo(file.Path).Length} bytes.");
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        command.ExecuteNonQuery();
    }
}
