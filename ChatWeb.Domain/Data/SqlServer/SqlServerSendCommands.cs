using System.Buffers;
using System.Data;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatWeb.Domain.Chat;
using Microsoft.Data.SqlClient;

namespace ChatWeb.Domain.Data.SqlServer;

/// <summary>
/// The SQL Server message store's two round trips per batch. Each is one fixed command text whatever
/// the batch holds: the batch's rows travel as one JSON parameter each and are typed by OPENJSON's
/// <c>WITH</c> clause (uniqueidentifier, nvarchar(n) as wide as the column, bigint), so SQL Server
/// compiles each text once and reuses its plan, the seeks compare like with like, and no batch
/// comes near the 2,100-parameter limit. (Table-valued parameters would do the same with a table
/// type in the schema for each; JSON needs nothing outside the model the migrations describe.)
/// </summary>
internal static class SqlServerSendCommands
{
    /// <summary>
    /// Begins the transaction and locks the batch's threads one statement at a time, in the order
    /// given (every node orders them the same way), so two batches never wait for each other in a
    /// cycle; UPDLOCK holds each lock until commit, so the seqs read here are still the last ones
    /// when the batch writes. Then reads the threads, their members, the messages already stored
    /// under the batch's client message ids (after the locks: a concurrent retry of the same send,
    /// to the same thread, has committed by then and is found), and the messages its replies answer
    /// (after the locks too: a change to one of them takes its thread's lock, so its state as read here
    /// is its state at commit when it is in a locked thread, the only kind a reply may answer).
    /// </summary>
    public const string BeginText =
        """
        SET NOCOUNT ON;
        SET XACT_ABORT ON;
        BEGIN TRANSACTION;

        DECLARE @order TABLE ([Position] int NOT NULL PRIMARY KEY, [Id] uniqueidentifier NOT NULL);
        INSERT INTO @order ([Position], [Id])
        SELECT CAST([key] AS int), CAST([value] AS uniqueidentifier) FROM OPENJSON(@ThreadIds);

        DECLARE @locked TABLE (
            [Id] uniqueidentifier NOT NULL PRIMARY KEY, [Kind] int NOT NULL, [Title] nvarchar(100) NULL, [LastSeq] bigint NOT NULL,
            [LastVersion] bigint NOT NULL, [LastMessageAt] datetime2 NOT NULL, [LastMessagePreview] nvarchar(120) NULL,
            [LastMessageSenderId] nvarchar(450) NULL);
        DECLARE @position int = 0, @count int = (SELECT COUNT(*) FROM @order), @id uniqueidentifier;
        WHILE @position < @count
        BEGIN
            SELECT @id = [Id] FROM @order WHERE [Position] = @position;
            INSERT INTO @locked
            SELECT [Id], [Kind], [Title], [LastSeq], [LastVersion], [LastMessageAt], [LastMessagePreview], [LastMessageSenderId]
            FROM [Threads] WITH (UPDLOCK, ROWLOCK)
            WHERE [Id] = @id;
            SET @position += 1;
        END;

        SELECT [Id], [Kind], [Title], [LastSeq], [LastVersion], [LastMessageAt], [LastMessagePreview], [LastMessageSenderId] FROM @locked;

        SELECT m.[ThreadId], m.[OwnerId], u.[UserName], u.[DisplayName], m.[Role], m.[Nickname], m.[IsMuted], m.[LastReadSeq], u.[ShareReadReceipts],
            (SELECT COUNT_BIG(*) FROM [Mentions] AS x WHERE x.[UserId] = m.[OwnerId] AND x.[ThreadId] = m.[ThreadId] AND x.[Seq] > m.[LastReadSeq])
        FROM [ThreadMembers] AS m
        INNER JOIN [AspNetUsers] AS u ON u.[Id] = m.[OwnerId]
        WHERE m.[ThreadId] IN (SELECT [Id] FROM @locked);

        SELECT k.[SenderId], k.[ClientMessageId], m.[Id], m.[ThreadId], m.[Seq], u.[UserName], u.[DisplayName], m.[Body], m.[SentAt]
        FROM OPENJSON(@Keys) WITH ([SenderId] nvarchar(450) '$.senderId', [ClientMessageId] nvarchar(64) '$.clientMessageId') AS k
        INNER JOIN [Messages] AS m ON m.[SenderId] = k.[SenderId] AND m.[ClientMessageId] = k.[ClientMessageId]
        INNER JOIN [AspNetUsers] AS u ON u.[Id] = m.[SenderId];

        SELECT m.[Id], m.[ThreadId], m.[Seq], u.[UserName], u.[DisplayName], m.[Body], CAST(CASE WHEN m.[DeletedAt] IS NULL THEN 0 ELSE 1 END AS bit)
        FROM OPENJSON(@ReplyToIds) WITH ([Id] uniqueidentifier '$') AS r
        INNER JOIN [Messages] AS m ON m.[Id] = r.[Id]
        INNER JOIN [AspNetUsers] AS u ON u.[Id] = m.[SenderId];
        """;

    /// <summary>
    /// Writes the batch and commits, all in one statement batch. A thread not at the seq and version
    /// the batch read, or a sender no longer a member, raises an error, which under XACT_ABORT rolls the whole
    /// transaction back, as does any other error (a unique key, a lost connection, a time-out).
    /// </summary>
    public const string CommitText =
        """
        SET NOCOUNT ON;
        SET XACT_ABORT ON;

        UPDATE t
        SET t.[LastSeq] = a.[LastSeq], t.[LastVersion] = a.[LastVersion], t.[LastMessagePreview] = a.[Preview],
            t.[LastMessageSenderId] = a.[SenderId], t.[LastMessageAt] = @SentAt
        FROM [Threads] AS t
        INNER JOIN OPENJSON(@Threads) WITH (
            [Id] uniqueidentifier '$.id', [PreviousLastSeq] bigint '$.previousLastSeq', [LastSeq] bigint '$.lastSeq',
            [PreviousLastVersion] bigint '$.previousLastVersion', [LastVersion] bigint '$.lastVersion',
            [Preview] nvarchar(120) '$.preview', [SenderId] nvarchar(450) '$.senderId') AS a
            ON a.[Id] = t.[Id] AND a.[PreviousLastSeq] = t.[LastSeq] AND a.[PreviousLastVersion] = t.[LastVersion];
        IF @@ROWCOUNT <> @ThreadCount
            THROW 50001, N'A thread is not at the seq and version its batch read; the batch is rolled back.', 1;

        INSERT INTO [Messages] ([Id], [ThreadId], [Seq], [Version], [SenderId], [Body], [ClientMessageId], [SentAt], [ReplyToId], [MentionsHere])
        SELECT [Id], [ThreadId], [Seq], [Version], [SenderId], [Body], [ClientMessageId], @SentAt, [ReplyToId], [MentionsHere]
        FROM OPENJSON(@Messages) WITH (
            [Id] uniqueidentifier '$.id', [ThreadId] uniqueidentifier '$.threadId', [Seq] bigint '$.seq', [Version] bigint '$.version',
            [SenderId] nvarchar(450) '$.senderId', [Body] nvarchar(4000) '$.body', [ClientMessageId] nvarchar(64) '$.clientMessageId',
            [ReplyToId] uniqueidentifier '$.replyToId', [MentionsHere] bit '$.mentionsHere');

        INSERT INTO [Mentions] ([ThreadId], [MessageId], [UserId], [Seq])
        SELECT [ThreadId], [MessageId], [UserId], [Seq]
        FROM OPENJSON(@Mentions) WITH (
            [ThreadId] uniqueidentifier '$.threadId', [MessageId] uniqueidentifier '$.messageId', [UserId] nvarchar(450) '$.userId',
            [Seq] bigint '$.seq');

        UPDATE tm
        SET tm.[LastReadSeq] = r.[Seq]
        FROM [ThreadMembers] AS tm
        INNER JOIN OPENJSON(@ReadMarks) WITH (
            [ThreadId] uniqueidentifier '$.threadId', [OwnerId] nvarchar(450) '$.ownerId', [Seq] bigint '$.seq') AS r
            ON r.[OwnerId] = tm.[OwnerId] AND r.[ThreadId] = tm.[ThreadId];
        IF @@ROWCOUNT <> @ReadMarkCount
            THROW 50002, N'A sender is no longer a member of the thread; the batch is rolled back.', 1;

        COMMIT TRANSACTION WITH (DELAYED_DURABILITY = OFF);
        """;

    /// <summary>Ends a batch that had nothing to write.</summary>
    public const string RollbackText = "IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;";

    public static SqlCommand Begin(
        IReadOnlyList<Guid> threadIds, IReadOnlyCollection<(string SenderId, string ClientMessageId)> keys, IReadOnlyCollection<Guid> replyToIds)
    {
        var command = new SqlCommand(BeginText);
        command.Parameters.Add(Json("@ThreadIds", json =>
        {
            foreach (var id in threadIds)
            {
                json.WriteStringValue(id);
            }
        }));
        command.Parameters.Add(Json("@Keys", json =>
        {
            foreach (var (senderId, clientMessageId) in keys)
            {
                json.WriteStartObject();
                json.WriteString("senderId", senderId);
                json.WriteString("clientMessageId", clientMessageId);
                json.WriteEndObject();
            }
        }));
        command.Parameters.Add(Json("@ReplyToIds", json =>
        {
            foreach (var id in replyToIds)
            {
                json.WriteStringValue(id);
            }
        }));
        return command;
    }

    public static SqlCommand Commit(BatchWrites writes)
    {
        var command = new SqlCommand(CommitText);
        command.Parameters.Add(new SqlParameter("@SentAt", SqlDbType.DateTime2) { Scale = 7, Value = writes.SentAt });
        command.Parameters.Add(new SqlParameter("@ThreadCount", SqlDbType.Int) { Value = writes.Threads.Count });
        command.Parameters.Add(new SqlParameter("@ReadMarkCount", SqlDbType.Int) { Value = writes.ReadMarks.Count });
        command.Parameters.Add(Json("@Threads", json =>
        {
            foreach (var a in writes.Threads)
            {
                json.WriteStartObject();
                json.WriteString("id", a.ThreadId);
                json.WriteNumber("previousLastSeq", a.PreviousLastSeq);
                json.WriteNumber("lastSeq", a.LastSeq);
                json.WriteNumber("previousLastVersion", a.PreviousLastVersion);
                json.WriteNumber("lastVersion", a.LastVersion);
                json.WriteString("preview", a.Preview);
                json.WriteString("senderId", a.LastSenderId);
                json.WriteEndObject();
            }
        }));
        command.Parameters.Add(Json("@Messages", json =>
        {
            foreach (var m in writes.Messages)
            {
                json.WriteStartObject();
                json.WriteString("id", m.Id);
                json.WriteString("threadId", m.ThreadId);
                json.WriteNumber("seq", m.Seq);
                json.WriteNumber("version", m.Version);
                json.WriteString("senderId", m.SenderId);
                json.WriteString("body", m.Body);
                json.WriteString("clientMessageId", m.ClientMessageId);
                if (m.ReplyToId is { } replyTo)
                {
                    json.WriteString("replyToId", replyTo);
                }
                json.WriteBoolean("mentionsHere", m.MentionsHere);
                json.WriteEndObject();
            }
        }));
        command.Parameters.Add(Json("@Mentions", json =>
        {
            foreach (var m in writes.Mentions)
            {
                json.WriteStartObject();
                json.WriteString("threadId", m.ThreadId);
                json.WriteString("messageId", m.MessageId);
                json.WriteString("userId", m.UserId);
                json.WriteNumber("seq", m.Seq);
                json.WriteEndObject();
            }
        }));
        command.Parameters.Add(Json("@ReadMarks", json =>
        {
            foreach (var r in writes.ReadMarks)
            {
                json.WriteStartObject();
                json.WriteString("threadId", r.ThreadId);
                json.WriteString("ownerId", r.SenderId);
                json.WriteNumber("seq", r.Seq);
                json.WriteEndObject();
            }
        }));
        return command;
    }

    /// <summary>A JSON array as an nvarchar(max) parameter.</summary>
    private static SqlParameter Json(string name, Action<Utf8JsonWriter> writeItems)
    {
        var buffer = new ArrayBufferWriter<byte>();
        // Relaxed escaping keeps non-ASCII text as it is (one character, not six); the text goes to
        // SQL Server as a parameter value, never into HTML, which is what the strict default guards.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            writeItems(json);
            json.WriteEndArray();
        }
        return new SqlParameter(name, SqlDbType.NVarChar, -1) { Value = Encoding.UTF8.GetString(buffer.WrittenSpan) };
    }
}
