using System.Data;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data.SqlServer;
using ChatWeb.Domain.Entities;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;

namespace ChatWeb.Tests.Domain.Data;

/// <summary>
/// The SQL Server message store's commands, read as text (no server runs here): the transaction,
/// isolation and locks that make several nodes correct, one statement batch per round trip whatever
/// the batch holds, and JSON typed exactly as the columns it is compared with or written to.
/// </summary>
public sealed partial class SqlServerSendCommandsTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Begin_OpensTheTransactionUnderXactAbort_AndLocksEachThreadInTheOrderGiven()
    {
        var text = SqlServerSendCommands.BeginText;

        Assert.True(Ordered(text, "SET XACT_ABORT ON;", "BEGIN TRANSACTION;", "WITH (UPDLOCK, ROWLOCK)", "JOIN [Messages]", "OPENJSON(@ReplyToIds)"),
            "XACT_ABORT, then the transaction, then the thread locks, then the earlier messages, then the replies' targets.");
        // One thread per statement, in the JSON array's order: the lock order every node shares.
        Assert.Contains("WHILE @position < @count", text);
        Assert.Contains("WHERE [Position] = @position", text);
        Assert.DoesNotContain("COMMIT", text);
    }

    [Theory]
    [InlineData(SqlServerSendCommands.BeginText)]
    [InlineData(SqlServerSendCommands.CommitText)]
    [InlineData(SqlServerSendCommands.RollbackText)]
    public void Texts_AreTransactSqlThatSqlServer2022Parses(string text)
    {
        var parsed = TransactSql.Parse(text);

        Assert.NotEmpty(parsed.Batches);
    }

    [Fact]
    public void Begin_LocksTheThreadsWithUpdateLocksHeldToCommit_AndReadsNothingElseUnderAHint()
    {
        var hints = TransactSql.TableHints(TransactSql.Parse(SqlServerSendCommands.BeginText));

        Assert.Equal([TableHintKind.UpdLock, TableHintKind.Rowlock], hints["Threads"]);
        Assert.All(hints.Where(h => h.Key != "Threads"), h => Assert.Empty(h.Value));
    }

    [Fact]
    public void Commit_WritesEverythingInOneBatch_ChecksWhatTheLocksPromised_AndCommitsFullyDurable()
    {
        var text = SqlServerSendCommands.CommitText;

        Assert.Contains("SET XACT_ABORT ON;", text);
        Assert.Single(Regex.Matches(text, @"INSERT INTO \[Messages\]"));
        Assert.Single(Regex.Matches(text, @"UPDATE t\b"));
        Assert.Single(Regex.Matches(text, @"UPDATE tm\b"));
        Assert.Contains("AND a.[PreviousLastSeq] = t.[LastSeq] AND a.[PreviousLastVersion] = t.[LastVersion]", text);
        Assert.Contains("t.[LastVersion] = a.[LastVersion]", text);
        Assert.Equal(2, Regex.Matches(text, @"IF @@ROWCOUNT <> @\w+Count\s+THROW").Count);
        Assert.EndsWith("COMMIT TRANSACTION WITH (DELAYED_DURABILITY = OFF);", text.Trim());
        Assert.DoesNotContain("BEGIN TRANSACTION", text);
    }

    [Fact]
    public void Commit_ForAFullBatch_IsTheSameTextWithSevenTypedParameters()
    {
        var full = Writes(messages: 256, threads: 256);
        var single = Writes(messages: 1, threads: 1);

        using var fullCommand = SqlServerSendCommands.Commit(full);
        using var singleCommand = SqlServerSendCommands.Commit(single);

        Assert.Equal(SqlServerSendCommands.CommitText, fullCommand.CommandText);
        Assert.Equal(SqlServerSendCommands.CommitText, singleCommand.CommandText);
        Assert.InRange(fullCommand.Parameters.Count, 1, 2_100);
        var types = fullCommand.Parameters.Cast<SqlParameter>().ToDictionary(p => p.ParameterName, p => (p.SqlDbType, p.Size));
        Assert.Equal((SqlDbType.DateTime2, 0), types["@SentAt"]);
        Assert.Equal((SqlDbType.NVarChar, -1), types["@Messages"]);
        Assert.Equal((SqlDbType.NVarChar, -1), types["@Mentions"]);
        Assert.Equal(7, types.Count);
        Assert.Equal(256, fullCommand.Parameters["@ThreadCount"].Value);
    }

    [Fact]
    public void Commit_CarriesEveryMessageAsItWillBeStored_AnyTextIncluded()
    {
        const string body = "quotes \" and \\ backslashes, a\nnew line, a tab\t, emoji 😀, right-to-left עברית";
        var writes = Writes(messages: 3, threads: 2);
        writes = writes with { Messages = [.. writes.Messages.Take(2), NewMessage(writes.Threads[1].ThreadId, 1, body)] };

        using var command = SqlServerSendCommands.Commit(writes);

        using var json = JsonDocument.Parse((string)command.Parameters["@Messages"].Value);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(writes.Messages.Select(m => (m.Id, m.ThreadId, m.Seq, m.Version, m.SenderId, m.Body, m.ClientMessageId)), rows.Select(r => (
            r.GetProperty("id").GetGuid(), r.GetProperty("threadId").GetGuid(), r.GetProperty("seq").GetInt64(), r.GetProperty("version").GetInt64(),
            r.GetProperty("senderId").GetString()!, r.GetProperty("body").GetString()!, r.GetProperty("clientMessageId").GetString()!)));
    }

    [Fact]
    public void Commit_OfABodyWithHalfASurrogatePair_StoresItAsSqliteDoes_WithTheReplacementCharacter()
    {
        var writes = Writes(messages: 1, threads: 1);
        writes = writes with { Messages = [NewMessage(writes.Threads[0].ThreadId, 1, "half \ud83d an emoji")] };

        using var command = SqlServerSendCommands.Commit(writes);

        using var json = JsonDocument.Parse((string)command.Parameters["@Messages"].Value);
        Assert.Equal("half \ufffd an emoji", json.RootElement[0].GetProperty("body").GetString());
    }

    [Fact]
    public void Begin_CarriesTheThreadsInTheirLockOrder_AndTheKeysAsGiven()
    {
        var threads = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).Order().ToList();

        var replyTo = Guid.NewGuid();

        using var command = SqlServerSendCommands.Begin(threads, [("sender-1", "c-1"), ("sender-2", "c-2")], [replyTo]);

        using var ids = JsonDocument.Parse((string)command.Parameters["@ThreadIds"].Value);
        Assert.Equal(threads, ids.RootElement.EnumerateArray().Select(e => e.GetGuid()));
        using var keys = JsonDocument.Parse((string)command.Parameters["@Keys"].Value);
        Assert.Equal([("sender-1", "c-1"), ("sender-2", "c-2")], keys.RootElement.EnumerateArray().Select(e => (e.GetProperty("senderId").GetString(), e.GetProperty("clientMessageId").GetString())));
        using var replies = JsonDocument.Parse((string)command.Parameters["@ReplyToIds"].Value);
        Assert.Equal([replyTo], replies.RootElement.EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal(3, command.Parameters.Count);
    }

    [Fact]
    public void Begin_ReadsTheVersionsAndReadReceiptSettingsTheProtocolDecidesOn()
    {
        var text = SqlServerSendCommands.BeginText;

        Assert.Contains("SELECT [Id], [Kind], [Title], [LastSeq], [LastVersion],", text);
        Assert.Contains("u.[ShareReadReceipts]", text);
        Assert.Contains("[LastVersion] bigint NOT NULL", text);
    }

    [Fact]
    public void Commit_OfAReply_CarriesItsTargetAndEveryMessagesVersion_AndAPlainMessageNoTarget()
    {
        var writes = Writes(messages: 2, threads: 1);
        var target = Guid.NewGuid();
        writes.Messages[1].ReplyToId = target;

        using var command = SqlServerSendCommands.Commit(writes);

        using var json = JsonDocument.Parse((string)command.Parameters["@Messages"].Value);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.False(rows[0].TryGetProperty("replyToId", out _));
        Assert.Equal(target, rows[1].GetProperty("replyToId").GetGuid());
        Assert.Equal([1L, 2L], rows.Select(r => r.GetProperty("version").GetInt64()));
        Assert.Contains("[ReplyToId] uniqueidentifier '$.replyToId'", SqlServerSendCommands.CommitText);
        Assert.Contains("[Version] bigint '$.version'", SqlServerSendCommands.CommitText);
    }

    [Theory]
    [InlineData(typeof(Message), nameof(Message.Body))]
    [InlineData(typeof(Message), nameof(Message.ClientMessageId))]
    [InlineData(typeof(Message), nameof(Message.SenderId))]
    [InlineData(typeof(ChatThread), nameof(ChatThread.Title))]
    [InlineData(typeof(ChatThread), nameof(ChatThread.LastMessagePreview))]
    [InlineData(typeof(ChatThread), nameof(ChatThread.LastMessageSenderId))]
    [InlineData(typeof(ThreadMember), nameof(ThreadMember.OwnerId))]
    public void JsonColumns_AreTypedAsTheModelsColumns(Type entity, string property)
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var columnType = db.Model.FindEntityType(entity)!.FindProperty(property)!.GetColumnType();
        var texts = SqlServerSendCommands.BeginText + SqlServerSendCommands.CommitText;

        var typings = Typing().Matches(texts).Where(m => ColumnFor(m.Groups["name"].Value) == property).Select(m => m.Groups["type"].Value).ToList();

        Assert.NotEmpty(typings);
        Assert.All(typings, t => Assert.Equal(columnType, t));
    }

    // "[Body] nvarchar(4000)": a column declared in a table variable or an OPENJSON WITH clause.
    [GeneratedRegex(@"\[(?<name>\w+)\] (?<type>nvarchar\(\d+\))")]
    private static partial Regex Typing();

    // The JSON's names for the same columns, where they differ from the column's own.
    private static string ColumnFor(string name) => name switch
    {
        "Preview" => nameof(ChatThread.LastMessagePreview),
        _ => name,
    };

    private static bool Ordered(string text, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            at = text.IndexOf(part, at, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }
        }
        return true;
    }

    private static BatchWrites Writes(int messages, int threads)
    {
        var threadIds = Enumerable.Range(0, threads).Select(_ => Guid.NewGuid()).Order().ToList();
        var rows = Enumerable.Range(0, messages).Select(i => NewMessage(threadIds[i % threads], i / threads + 1, $"message {i}")).ToList();
        var advances = threadIds.Select(id => new ThreadAdvance(id, 0, rows.Count(m => m.ThreadId == id), 0, rows.Count(m => m.ThreadId == id), "message", "sender")).ToList();
        var marks = threadIds.Select(id => new ReadMark(id, "sender", rows.Count(m => m.ThreadId == id))).ToList();
        return new BatchWrites(Now, advances, rows, marks);
    }

    private static Message NewMessage(Guid threadId, long seq, string body) => new()
    {
        Id = Guid.NewGuid(), ThreadId = threadId, Seq = seq, Version = seq, SenderId = "sender", Body = body, ClientMessageId = Guid.NewGuid().ToString(), SentAt = Now,
    };
}
