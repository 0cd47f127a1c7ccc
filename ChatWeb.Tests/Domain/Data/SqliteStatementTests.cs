using ChatWeb.Domain.Data;
using ChatWeb.Domain.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ChatWeb.Tests.Domain.Data;

/// <summary>
/// The send path's native statements write values exactly as EF does on SQLite, read them back,
/// and fail the way <see cref="SqliteCommand"/> would, so the writer's retry rules still apply.
/// </summary>
public sealed class SqliteStatementTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public SqliteStatementTests()
    {
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE Item (Id TEXT PRIMARY KEY, Name TEXT NULL, At TEXT NULL, Count INTEGER NULL);";
        create.ExecuteNonQuery();
    }

    [Fact]
    public void Bind_GuidAndTime_AreStoredAsEfStoresThem()
    {
        var id = Guid.NewGuid();
        var at = new DateTime(2026, 11, 28, 9, 5, 7, DateTimeKind.Utc).AddTicks(1_234_500);
        using (var insert = new SqliteStatement(connection, "INSERT INTO Item (Id, At) VALUES (?1, ?2)"))
        {
            insert.Bind(1, id);
            insert.Bind(2, at);
            Assert.Equal(1, insert.Execute());
        }

        using var read = new SqliteStatement(connection, "SELECT Id, At, Name FROM Item");
        Assert.True(read.Read());
        Assert.Equal(id.ToString().ToUpperInvariant(), read.GetString(0));
        Assert.Equal("2026-11-28 09:05:07.12345", read.GetString(1));
        Assert.Equal(id, read.GetGuid(0));
        Assert.Equal((at, DateTimeKind.Utc), (read.GetUtc(1), read.GetUtc(1).Kind));
        Assert.Null(read.GetStringOrNull(2));
        Assert.False(read.Read());
    }

    [Fact]
    public void Bind_TextLongerThanTheStackBuffer_IsStoredWhole()
    {
        var name = string.Concat(Enumerable.Repeat("héllo 😀 ", 500));
        using (var insert = new SqliteStatement(connection, "INSERT INTO Item (Id, Name, Count) VALUES ('a', ?1, ?2)"))
        {
            insert.Bind(1, name);
            insert.Bind(2, 42L);
            insert.Execute();
        }

        using var read = new SqliteStatement(connection, "SELECT Name, Count FROM Item WHERE Id = 'a'");
        Assert.True(read.Read());
        Assert.Equal((name, 42L), (read.GetString(0), read.GetInt64(1)));
    }

    [Fact]
    public void Execute_DuplicateKey_ThrowsAUniqueViolation_AndTheStatementRunsAgain()
    {
        using var insert = new SqliteStatement(connection, "INSERT INTO Item (Id) VALUES (?1)");
        insert.Bind(1, "same");
        insert.Execute();

        insert.Bind(1, "same");
        var failure = Assert.Throws<SqliteException>(() => insert.Execute());

        Assert.True(DbErrors.IsUniqueViolation(failure));
        Assert.Contains("UNIQUE", failure.Message);
        insert.Bind(1, "other");
        Assert.Equal(1, insert.Execute());
    }

    [Fact]
    public void Prepare_BadSql_ThrowsWithSqlitesMessage()
    {
        var failure = Assert.Throws<SqliteException>(() => new SqliteStatement(connection, "SELECT nope FROM Item"));

        Assert.Contains("no such column", failure.Message);
    }

    public void Dispose() => connection.Dispose();
}
