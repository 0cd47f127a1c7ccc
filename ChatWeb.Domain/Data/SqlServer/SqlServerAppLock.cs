using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Data.SqlServer;

/// <summary>SQL Server's application lock (sp_getapplock), held until the current transaction ends.</summary>
internal static class SqlServerAppLock
{
    public static async Task TakeAsync(ChatDbContext db, string name, CancellationToken ct)
    {
        // A result below zero (timeout, deadlock victim) means the lock was not granted.
        // Read as a list: a query operator (Single) would make EF wrap the batch in a subquery.
        var answers = await db.Database.SqlQuery<int>($"""
            DECLARE @result int;
            EXEC @result = sp_getapplock @Resource = {name}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 60000;
            SELECT @result AS [Value];
            """).ToListAsync(ct);
        var granted = answers.Single();
        if (granted < 0)
        {
            throw new TimeoutException($"The database lock '{name}' was not granted within a minute (sp_getapplock answered {granted}).");
        }
    }
}
