using ChatWeb.Domain.Attachments;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChatWeb.Tests.Domain.Attachments;

// The attachment suites again with the bytes in the database (Attachments:Store = Database)
// instead of a folder: every rule must hold the same whichever store keeps the bytes.

public sealed class DatabaseStoreAttachmentUploadTests : AttachmentUploadTests
{
    protected override Action<IServiceCollection>? ConfigureServices => DatabaseStore.Use;
}

public sealed class DatabaseStoreAttachmentMessageTests : AttachmentMessageTests
{
    protected override Action<IServiceCollection>? ConfigureServices => DatabaseStore.Use;
}

[OnSqlServer]
public sealed class SqlServerDatabaseStoreAttachmentUploadTests : AttachmentUploadTests
{
    protected override Action<IServiceCollection>? ConfigureServices => DatabaseStore.Use;
}

[OnSqlServer]
public sealed class SqlServerDatabaseStoreAttachmentMessageTests : AttachmentMessageTests
{
    protected override Action<IServiceCollection>? ConfigureServices => DatabaseStore.Use;
}

internal static class DatabaseStore
{
    public static void Use(IServiceCollection services) => services.Configure<AttachmentOptions>(o => o.Store = AttachmentStores.Database);
}
