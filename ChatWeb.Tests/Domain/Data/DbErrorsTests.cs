using ChatWeb.Domain.Data;
using ChatWeb.Domain.Data.SqlServer;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ChatWeb.Tests.Domain.Data;

/// <summary>
/// Only a lost race on a unique key counts as one; other constraint failures stay errors. Only
/// errors of the moment (busy, a deadlock, a lost connection) are worth the same transaction again.
/// </summary>
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

    [Fact]
    public void IsTransient_SqliteBusy_True_AndAConstraint_False()
    {
        var busy = new SqliteException("database is locked", 5);
        var unique = Fail("INSERT INTO Item (Id, Name) VALUES (2, 'a');");

        Assert.True(DbErrors.IsTransient(busy));
        Assert.False(DbErrors.IsTransient(unique));
    }

    [Theory]
    [InlineData(2601, true)]
    [InlineData(2627, true)]
    [InlineData(547, false)] // a foreign key
    [InlineData(515, false)] // NOT NULL
    [InlineData(1205, false)]
    public void SqlServerIsUniqueViolation_OnlyTheUniqueIndexAndConstraintNumbers(int number, bool unique) =>
        Assert.Equal(unique, SqlServerErrors.IsUniqueViolation(number));

    [Theory]
    [InlineData(1205, true)] // deadlock victim
    [InlineData(-2, true)] // command time-out
    [InlineData(10054, true)] // connection reset
    [InlineData(40613, true)] // Azure SQL: database unavailable
    [InlineData(49918, true)] // Azure SQL: not enough resources
    [InlineData(2627, false)]
    [InlineData(547, false)]
    [InlineData(50001, false)] // the store's own "thread moved" error: a bug, not a moment
    public void SqlServerIsTransient_TheDocumentedTransientNumbersOnly(int number, bool transient) =>
        Assert.Equal(transient, SqlServerErrors.IsTransient(number));

    public void Dispose() => connection.Dispose();

    private SqliteException Fail(string sql) => Assert.Throws<SqliteException>(() => Run(sql));

    private void Run(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
