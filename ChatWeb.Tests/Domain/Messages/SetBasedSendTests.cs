using ChatWeb.Tests.Domain.Conversations;
using ChatWeb.Tests.Domain.Notifications;

namespace ChatWeb.Tests.Domain.Messages;

// The send suites again, with sends stored by the one-statement-per-batch SQL a server database
// gets. SQLite's own path uses prepared per-row statements, so without these that SQL would run
// nowhere on a machine without SQL Server.

public sealed class SetBasedSendConcurrencyTests : SendConcurrencyTests
{
    protected override bool SetBasedSends => true;
}

public sealed class SetBasedIdempotentSendTests : IdempotentSendTests
{
    protected override bool SetBasedSends => true;
}

public sealed class SetBasedSendNotificationTests : SendNotificationTests
{
    protected override bool SetBasedSends => true;
}

public sealed class SetBasedThreadListTests : ThreadListTests
{
    protected override bool SetBasedSends => true;
}
