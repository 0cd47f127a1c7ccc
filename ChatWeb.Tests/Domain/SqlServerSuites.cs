using ChatWeb.Tests.Domain.Attachments;
using ChatWeb.Tests.Domain.Changes;
using ChatWeb.Tests.Domain.Conversations;
using ChatWeb.Tests.Domain.Data;
using ChatWeb.Tests.Domain.Groups;
using ChatWeb.Tests.Domain.Infrastructure;
using ChatWeb.Tests.Domain.Messages;
using ChatWeb.Tests.Domain.Notifications;
using ChatWeb.Tests.Domain.Settings;

namespace ChatWeb.Tests.Domain;

// The suites that decide correctness, again on SQL Server: each test on a fresh database of its own
// on the server CHATWEB_TEST_SQLSERVER names (see README). Without that variable these classes have
// no tests at all. Each is its SQLite suite, unchanged.

[OnSqlServer] public sealed class SqlServerDatabaseSetupTests : DatabaseSetupTests;

[OnSqlServer] public sealed class SqlServerSendInputTests : SendInputTests;

[OnSqlServer] public sealed class SqlServerIdempotentSendTests : IdempotentSendTests;

[OnSqlServer] public sealed class SqlServerSendConcurrencyTests : SendConcurrencyTests;

[OnSqlServer] public sealed class SqlServerTwoNodeSendTests : TwoNodeSendTests;

[OnSqlServer] public sealed class SqlServerSendNotificationTests : SendNotificationTests;

[OnSqlServer] public sealed class SqlServerHistoryPagingTests(SqlServerHistoryFixture fixture) : HistoryPagingSuite<SqlServerHistoryFixture>(fixture);

[OnSqlServer] public sealed class SqlServerOpenDirectTests : OpenDirectTests;

[OnSqlServer] public sealed class SqlServerNonMemberTests : NonMemberTests;

[OnSqlServer] public sealed class SqlServerThreadListTests : ThreadListTests;

[OnSqlServer] public sealed class SqlServerUnreadCountTests : UnreadCountTests;

[OnSqlServer] public sealed class SqlServerCreateGroupTests : CreateGroupTests;

[OnSqlServer] public sealed class SqlServerGroupAdministrationTests : GroupAdministrationTests;

[OnSqlServer] public sealed class SqlServerLeaveGroupTests : LeaveGroupTests;

[OnSqlServer] public sealed class SqlServerVersionTests : VersionTests;

[OnSqlServer] public sealed class SqlServerEditMessageTests : EditMessageTests;

[OnSqlServer] public sealed class SqlServerDeleteMessageTests : DeleteMessageTests;

[OnSqlServer] public sealed class SqlServerReactionTests : ReactionTests;

[OnSqlServer] public sealed class SqlServerReplyTests : ReplyTests;

[OnSqlServer] public sealed class SqlServerChangesAfterTests : ChangesAfterTests;

[OnSqlServer] public sealed class SqlServerReadReceiptTests : ReadReceiptTests;

[OnSqlServer] public sealed class SqlServerAttachmentUploadTests : AttachmentUploadTests;

[OnSqlServer] public sealed class SqlServerAttachmentMessageTests : AttachmentMessageTests;

[OnSqlServer] public sealed class SqlServerDatabaseAttachmentStoreTests : DatabaseAttachmentStoreTests;

/// <summary>The history threads, sent through the send path on a SQL Server database.</summary>
public sealed class SqlServerHistoryFixture : HistoryFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
