using ChatWeb.Domain.Chat;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ChatWeb.Tests.Domain.Data;

/// <summary>Only a lost race on a unique key counts as one; other constraint failures stay errors.</summary>
public sealed class DbErrorsTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public DbErrorsTests()
    {
        connection.Open();
        Run("CREATE TABLE Parent (Id INTEGER PRIMARY KEY);");
        Run("CREATE TABLE Item (Id INTEGER PRIMARY KEY, Name TEXT NOT NULL, ParentId INTEGER REFERENCES Parent(Id));");
        Run("CREATE UNIQUE INDEX IX_Item_Name ON Item (Name);");
        Run("PRAGMA foreign_keys = ON;");
        Run("INSERT INTO Item (Id, Name) VALUES (1, 'a');");
    }

    [Theory]
    [InlineData("INSERT INTO Item (Id, Name) VALUES (2, 'a');")]
    [InlineData("INSERT INTO Item (Id, Name) VALUES (1, 'b');")]
    public void IsUniqueViolation_DuplicateKey_True(string sql) => Assert.True(DbErrors.IsUniqueViolation(Fail(sql)));

    [Theory]
    [InlineData("INSERT INTO Item (Id, Name) VALUES (3, NULL);")]
    [InlineData("INSERT INTO Item (Id, Name, ParentId) VALUES (3, 'c', 42);")]
    public void IsUniqueViolation_OtherConstraint_False(string sql) => Assert.False(DbErrors.IsUniqueViolation(Fail(sql)));

    [Fact]
    public void IsUniqueViolation_WrappedBySaveChanges_LooksInside() =>
        Assert.True(DbErrors.IsUniqueViolation(new Microsoft.EntityFrameworkCore.DbUpdateException("save", Fail("INSERT INTO Item (Id, Name) VALUES (2, 'a');"))));

    public void Dispose() => connection.Dispose();

    private SqliteException Fail(string sql) => Assert.Throws<SqliteException>(() => Run(sql));

    private void Run(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
