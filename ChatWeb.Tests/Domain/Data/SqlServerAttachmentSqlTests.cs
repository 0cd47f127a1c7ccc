using ChatWeb.Domain.Attachments;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Data.SqlServer;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Data;

/// <summary>
/// The attachment queries as SQL Server gets them, checked as text where no server runs (CI): each
/// translates, parses as T-SQL, and reads the attachments by the index meant for it.
/// </summary>
public sealed class SqlServerAttachmentSqlTests
{
    [Fact]
    public void MessagePage_ReadsEachMessagesFilesByItsSenderAndClientMessageId()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var threadId = Guid.NewGuid();

        var sql = MessageRow.Project(db, db.Messages.Where(m => m.ThreadId == threadId).OrderByDescending(m => m.Seq).Take(50)).ToQueryString();

        TransactSql.Parse(sql);
        // One join for the page (the index on UploaderId, ClientMessageId), not a query per message.
        Assert.Matches(@"JOIN \[Attachments\] AS \[(?<a>a\d*)\] ON \[(?<m>\w+)\]\.\[SenderId\] = \[\k<a>\]\.\[UploaderId\] AND \[\k<m>\]\.\[ClientMessageId\] = \[\k<a>\]\.\[ClientMessageId\]", sql);
    }

    [Fact]
    public void Sweep_FindsUnattachedUploadsByUploadTime_AndChecksForTheirMessage()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var sql = AttachmentSweeper.Unattached(db, DateTime.UtcNow, DateTime.UtcNow).OrderBy(a => a.UploadedAt).Select(a => a.Id).Take(500).ToQueryString();

        TransactSql.Parse(sql);
        Assert.Contains("[a].[UploadedAt] <", sql);
        Assert.Contains("NOT EXISTS", sql);
    }

    [Fact]
    public void DatabaseStore_ReadsChunkLengthsWithoutTheBytes()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var sql = db.AttachmentBlobs.Where(b => b.Key == "k").OrderBy(b => b.Chunk).Select(b => (long)b.Data.Length).ToQueryString();

        TransactSql.Parse(sql);
        Assert.Contains("DATALENGTH([a].[Data])", sql);
    }
}
