using ChatWeb.Domain.Data.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatWeb.Domain.Data;

/// <summary>
/// A transaction that one process at a time may hold, for one-off work that several nodes may
/// start at once (seeding a new database): the second waits, then sees what the first did,
/// instead of racing it into a unique-key failure. On SQLite the transaction begins IMMEDIATE,
/// which takes the database's write lock (Microsoft.Data.Sqlite waits for it up to its default
/// timeout); on SQL Server it takes an application lock of the given name.
/// </summary>
public static class ExclusiveTransaction
{
    public static async Task<IDbContextTransaction> BeginAsync(ChatDbContext db, string name, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (db.Database.IsSqlServer())
            {
                await SqlServerAppLock.TakeAsync(db, name, ct);
            }
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}
